//! The patterns every parse compiles, compiled ahead of it: a command that knows a parse is
//! coming (`jinju epub`) compiles them on another thread while it reads its input.

/// Compile, ahead of a parse, the patterns every parse uses: those each input of the bundled
/// interview and the shared samples compiled (the others wait behind gates for a word they
/// need). `jinju epub` compiles them on a second thread while it reads the interview; a
/// parse that comes to one still being compiled waits for it, and one not yet begun it
/// compiles itself.
pub fn compile_patterns() {
    use std::sync::LazyLock;
    let every_parse = [
        &super::cast::ROLE_COLON,
        &super::cast::INTRO_HOSTS,
        &super::front::CREDIT,
        &super::furniture::REFERENCES_HEADING,
        &super::furniture::FOOTNOTE_MARK,
        &super::furniture::END_MARKER,
        &super::people::TITLE_PERSON,
        &super::numbering::NUMBER,
    ];
    for pattern in every_parse {
        LazyLock::force(pattern);
    }
    // The transcript reader's anonymous-speaker pattern, compiled by its first use.
    crate::read::is_anonymous_speaker("");
}
