//! Colour in messages: `--color auto|always|never` and `NO_COLOR` (<https://no-color.org>).
//! Only the labels jinju prints (`error:`, `warning:`) and clap's help are coloured; text
//! quoted from the user never is. `auto` colours a terminal unless `NO_COLOR` is set (and
//! not empty); `always` and `never` win over `NO_COLOR`.

use clap::ColorChoice;
use std::ffi::OsString;
use std::io::IsTerminal;

/// The choice the command line makes, read before parsing so that it reaches usage errors
/// and `--help` too: the last `--color WHEN` or `--color=WHEN`, `NO_COLOR` folded into `auto`.
pub fn color_choice(args: &[OsString]) -> ColorChoice {
    let mut when = None;
    let mut args = args.iter().skip(1).map(|a| a.to_str().unwrap_or(""));
    while let Some(arg) = args.next() {
        match arg {
            "--" => break,
            "--color" => when = args.next(),
            _ => {
                if let Some(w) = arg.strip_prefix("--color=") {
                    when = Some(w);
                }
            }
        }
    }
    match when {
        Some("always") => ColorChoice::Always,
        Some("never") => ColorChoice::Never,
        _ if no_color() => ColorChoice::Never,
        _ => ColorChoice::Auto,
    }
}

/// `NO_COLOR` set to anything but the empty string.
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// How the labels of messages on standard error look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    colored: bool,
}

impl Paint {
    /// For standard error under `choice` (`auto`: whether it is a terminal).
    pub fn for_stderr(choice: ColorChoice) -> Paint {
        let colored = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => std::io::stderr().is_terminal(),
        };
        Paint { colored }
    }

    /// `error:`, bold red when coloured.
    pub fn error(self) -> &'static str {
        if self.colored {
            "\x1b[1;31merror:\x1b[0m"
        } else {
            "error:"
        }
    }

    /// `warning:`, bold yellow when coloured.
    pub fn warning(self) -> &'static str {
        if self.colored {
            "\x1b[1;33mwarning:\x1b[0m"
        } else {
            "warning:"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_last_color_flag_wins_and_stops_at_the_separator() {
        let c = |list: &[&str]| color_choice(&args(list));
        assert_eq!(
            c(&["jinju", "--color", "always", "build"]),
            ColorChoice::Always
        );
        assert_eq!(c(&["jinju", "--color=never", "build"]), ColorChoice::Never);
        assert_eq!(
            c(&["jinju", "--color=never", "--color", "always"]),
            ColorChoice::Always
        );
        assert_ne!(c(&["jinju", "--", "--color=always"]), ColorChoice::Always);
    }

    #[test]
    fn labels_are_plain_unless_coloured() {
        assert_eq!(Paint::for_stderr(ColorChoice::Never).error(), "error:");
        assert!(
            Paint::for_stderr(ColorChoice::Always)
                .error()
                .contains("\x1b[1;31m")
        );
        assert!(
            Paint::for_stderr(ColorChoice::Always)
                .warning()
                .contains("\x1b[1;33m")
        );
    }
}
