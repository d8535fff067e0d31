//! Writing the site: the one place that touches the output folder.
//!
//! The site is written into a fresh temporary folder beside the target, then swapped
//! in with one atomic exchange (Linux) or two renames (elsewhere), so a failed or
//! interrupted build never leaves a half-written site and an earlier site survives
//! any failure before the swap. A folder that
//! holds other things than an earlier pipepress site is never replaced.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::Error;
use crate::render::OutputFile;

/// Marks a folder as pipepress's own output, so that it may be replaced.
pub const MARKER: &str = ".pipepress-site";

/// Writes one file (`--single-file`, `--pdf`) beside its target, then renames it
/// into place: an earlier file survives a failure.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let name = path
        .file_name()
        .ok_or_else(|| refuse(path, "names no file, expected a file path"))?;
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{}.", name.to_string_lossy()))
        .suffix(".pipepress-new")
        .tempfile_in(folder)
        .map_err(|e| Error::io(folder, e))?;
    std::io::Write::write_all(&mut temp, bytes).map_err(|e| Error::io(path, e))?;
    // A temporary file is private (0600); the written one is an ordinary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.as_file()
            .set_permissions(fs::Permissions::from_mode(0o644))
            .map_err(|e| Error::io(path, e))?;
    }
    temp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// Writes `files` as the whole content of `out`.
pub fn write(files: &[OutputFile], out: &Path) -> Result<(), Error> {
    let name = out
        .file_name()
        .ok_or_else(|| refuse(out, "names no folder, expected a path such as \"site\""))?
        .to_string_lossy()
        .into_owned();
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if out.exists() && !is_replaceable(out) {
        return Err(refuse(
            out,
            "exists and is not a pipepress site (it has no .pipepress-site marker), expected an empty folder or an earlier site; choose another --out",
        ));
    }
    fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let staging = parent.join(format!(".{name}.pipepress-new"));
    let retired = parent.join(format!(".{name}.pipepress-old"));
    for leftover in [&staging, &retired] {
        if leftover.exists() {
            fs::remove_dir_all(leftover).map_err(|e| Error::io(leftover, e))?;
        }
    }
    if let Err(error) = write_all(files, &staging) {
        let _ = fs::remove_dir_all(&staging);
        return Err(error);
    }
    if out.exists() && exchange(&staging, out) {
        // The earlier site now sits at the staging path.
        return fs::remove_dir_all(&staging).map_err(|e| Error::io(&staging, e));
    }
    if out.exists() {
        fs::rename(out, &retired).map_err(|e| Error::io(out, e))?;
    }
    if let Err(error) = fs::rename(&staging, out) {
        // Put the earlier site back before reporting.
        let _ = fs::rename(&retired, out);
        let _ = fs::remove_dir_all(&staging);
        return Err(Error::io(out, error));
    }
    if retired.exists() {
        fs::remove_dir_all(&retired).map_err(|e| Error::io(&retired, e))?;
    }
    Ok(())
}

/// Swaps two folders in one atomic step (Linux `renameat2` with `RENAME_EXCHANGE`),
/// so that a build killed at any moment leaves the old site or the new one at
/// `out`, never neither. False where the system cannot, and the caller falls back
/// to two renames.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}

fn write_all(files: &[OutputFile], root: &Path) -> Result<(), Error> {
    fs::create_dir_all(root).map_err(|e| Error::io(root, e))?;
    fs::write(
        root.join(MARKER),
        "This folder was written by pipepress and is replaced whole by the next build.\n",
    )
    .map_err(|e| Error::io(root, e))?;
    let dirs: std::collections::BTreeSet<&Path> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent())
        .collect();
    for dir in dirs {
        let dir = root.join(dir);
        fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    }
    // Creating files is most of the time the system takes: both cores do it.
    files.par_iter().try_for_each(|file| {
        let path = root.join(&file.path);
        fs::write(&path, &file.bytes).map_err(|e| Error::io(&path, e))
    })
}

/// An empty folder, or one an earlier build wrote.
fn is_replaceable(out: &Path) -> bool {
    out.is_dir()
        && (out.join(MARKER).is_file()
            || fs::read_dir(out).is_ok_and(|mut entries| entries.next().is_none()))
}

fn refuse(out: &Path, message: &str) -> Error {
    Error::Io {
        path: out.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::AlreadyExists, message.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn replaces_an_earlier_site_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("site");
        write(
            &[file("index.html", "one"), file("old/index.html", "x")],
            &out,
        )
        .expect("first build");
        write(&[file("index.html", "two")], &out).expect("second build");
        assert_eq!(
            fs::read_to_string(out.join("index.html")).expect("index"),
            "two"
        );
        assert!(!out.join("old").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(leftovers, ["site"]);
    }

    #[test]
    fn never_replaces_a_foreign_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::write(dir.path().join("precious.txt"), "keep").expect("write");
        let error = write(&[file("index.html", "x")], dir.path()).expect_err("refused");
        assert!(
            error.to_string().contains("is not a pipepress site"),
            "{error}"
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("precious.txt")).expect("kept"),
            "keep"
        );
    }
}
