//! Finding the project folder when none is named: the nearest folder, from the
//! current one upwards, that holds `pipepress.toml` (as cargo finds `Cargo.toml`).

use std::path::{Path, PathBuf};

use crate::config;

/// The nearest of `start` and its ancestors holding `pipepress.toml`, if any.
pub fn find(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|folder| folder.join(config::FILE_NAME).is_file())
        .map(Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_up_to_the_nearest_project() {
        let temp = tempfile::tempdir().expect("temp dir");
        let project = temp.path().join("project");
        let deep = project.join("content/meetings");
        std::fs::create_dir_all(&deep).expect("folders");
        assert_eq!(find(&deep), None);
        std::fs::write(project.join(config::FILE_NAME), "").expect("write");
        assert_eq!(find(&deep), Some(project.clone()));
        assert_eq!(find(&project), Some(project));
    }
}
