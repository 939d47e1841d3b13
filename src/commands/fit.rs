//! What the run's card templates can show, asked before quotes are picked: the longest
//! quote they all fit (`quote.max_chars`) and the characters their quote fonts have. An
//! automatic pick is chosen among the lines every template can draw, so a character no
//! font has (an emoji, a rare ideograph) never sinks a run whose quotes jinju chose itself;
//! a quote the user named is drawn or refused as before.

use super::produce::{CardSettings, DEFAULT_TEMPLATES, fonts};
use crate::card::{self, FontChain, Template};

/// The run's templates' limits on a quote.
pub struct Fit {
    /// The longest quote every template shows, when one limits it.
    pub max_chars: Option<usize>,
    /// Each template's quote font chain.
    chains: Vec<FontChain>,
}

impl Fit {
    /// Every template's quote font has every character of `text` (controls aside).
    pub fn shows(&self, text: &str) -> bool {
        self.chains.iter().all(|chain| card::shows(chain, text))
    }
}

/// The limits of the `--template` values, else of the defaults.
pub fn template_fit(s: &CardSettings) -> anyhow::Result<Option<Fit>> {
    let names: Vec<String> = if s.templates.is_empty() {
        DEFAULT_TEMPLATES.iter().map(|t| t.to_string()).collect()
    } else {
        s.templates.clone()
    };
    let book = fonts(s)?;
    let mut fit = Fit {
        max_chars: None,
        chains: Vec::new(),
    };
    for name in names {
        let template = Template::load(&name)?;
        if let Some(max) = template.quote.max_chars {
            fit.max_chars = Some(fit.max_chars.map_or(max, |f: usize| f.min(max)));
        }
        fit.chains.push(card::quote_chain(&template, &book)?);
    }
    Ok(Some(fit))
}
