//! `include_dir!` does not tell cargo which files it embeds: rebuild the library
//! when the embedded theme or sample project changes, so `init` and the build never
//! use stale copies.

fn main() {
    println!("cargo:rerun-if-changed=themes");
    println!("cargo:rerun-if-changed=sample-data");
}
