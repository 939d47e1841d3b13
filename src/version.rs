//! What `jinju --version` reports: the crate's version, the git commit it was built from
//! (`unknown` outside a git checkout), and the versions of the bundled fonts and content
//! (recorded by `build.rs`).

/// `--version`: the version and the commit, then one line per kind of bundled data.
pub const LONG: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("JINJU_GIT_COMMIT"),
    ")\nfonts: ",
    env!("JINJU_FONT_VERSIONS"),
    "\nbundled content: ",
    env!("JINJU_CONTENT_VERSIONS")
);
