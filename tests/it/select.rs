//! The selector against the real interview: every source, every filter, every error path.

use jinju::interview::{self, Interview, clean};
use jinju::select::{
    self, CONTEXT_OPENERS, Entry, Filters, PullQuotes, QuoteKind, Source, Spec, near_duplicate,
};

fn iv() -> Interview {
    interview::parse_default().unwrap()
}

fn spec_of(yaml: &str) -> Spec {
    Spec::from_file(select::load(yaml, "test.yaml").unwrap(), "test.yaml")
}

fn default_spec() -> Spec {
    Spec::bundled().unwrap()
}

/// A quote taken from the interview must stand verbatim in its paragraph (excerpts: each part).
fn assert_verbatim(iv: &Interview, q: &select::Quote) {
    if q.kind == QuoteKind::PullQuote {
        let pull_quote = iv.section(q.section.number).unwrap().pull_quote.as_deref();
        assert_eq!(pull_quote, Some(q.text.as_str()));
        return;
    }
    let at = q.address.as_ref().and_then(|a| a.paragraph()).unwrap();
    let para = iv.paragraph(at).unwrap();
    let first = q.text.split("……").next().unwrap();
    assert!(
        para.text.contains(first),
        "{} not in {}: {}",
        q.id,
        at,
        para.text
    );
    for part in q.text.split("……") {
        assert!(iv.paragraphs().any(|p| p.text.contains(part)), "{part}");
    }
}

#[test]
fn the_default_selection_is_verified_and_spans_all_sections() {
    let iv = iv();
    let sel = select::select(&iv, &default_spec()).unwrap();
    let pulls = sel
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::PullQuote)
        .count();
    assert_eq!(pulls, 5);
    assert!(sel.quotes.len() - pulls >= 12);
    for q in &sel.quotes {
        assert_verbatim(&iv, q);
        assert!(select::unsafe_id(&q.id).is_none());
    }
    for n in 1..=5 {
        assert!(
            sel.quotes
                .iter()
                .any(|q| q.section.number == n && q.kind != QuoteKind::PullQuote),
            "section {n}"
        );
    }
    assert!(sel.quotes.iter().any(|q| q.text.contains("一个开路的人")));
    assert!(
        sel.quotes
            .iter()
            .any(|q| q.text.contains("是一个马拉松，一个长跑"))
    );
    assert!(
        sel.quotes
            .iter()
            .any(|q| q.text == "只赚钱，没有技术的产出或者说对行业的贡献，我就肯定不满意。")
    );
}

#[test]
fn auto_is_deterministic_spread_standalone_and_distinct() {
    let iv = iv();
    let spec = Spec {
        entries: vec![Entry::new(Source::Auto(20))],
        // Every line that passes the filters (the card floor is tested on its own).
        filters: Filters {
            min_card: Some(0.0),
            ..Filters::default()
        },
        ..Spec::default()
    };
    let a = select::select(&iv, &spec).unwrap();
    let b = select::select(&iv, &spec).unwrap();
    assert_eq!(a.quotes, b.quotes);
    assert_eq!(a.quotes.len(), 20);
    for n in 1..=5 {
        assert!(
            a.quotes.iter().any(|q| q.section.number == n),
            "section {n}"
        );
    }
    for (i, q) in a.quotes.iter().enumerate() {
        assert_eq!(q.speaker, "张鹏");
        assert!(
            !CONTEXT_OPENERS.iter().any(|w| q.text.starts_with(w)),
            "{}",
            q.text
        );
        assert!(q.score.is_some() && a.explain.contains_key(&q.id));
        assert_verbatim(&iv, q);
        for r in &a.quotes[i + 1..] {
            assert!(!near_duplicate(&q.text, &r.text), "{} ~ {}", q.text, r.text);
        }
    }
}

#[test]
fn auto_does_not_repeat_a_pull_quote() {
    let iv = iv();
    let sel = select::select(
        &iv,
        &spec_of("quotes:\n  - pull_quotes: all\n  - auto: 40\n"),
    )
    .unwrap();
    let lucky = sel
        .quotes
        .iter()
        .filter(|q| q.text.contains("祝大家好运"))
        .count();
    assert_eq!(lucky, 1);
}

#[test]
fn a_misquote_shows_the_real_passage_and_its_address() {
    let err = select::select(
        &iv(),
        &spec_of("quotes:\n  - text: \"就是,一个开车的人。\"\n"),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("test.yaml entry 1: the text is not in the interview"),
        "{err}"
    );
    assert!(
        err.contains("closest: 就是，一个开路的人。 (at 5.25)"),
        "{err}"
    );
    assert!(err.contains("[-车-]{+路+}"), "{err}");
}

#[test]
fn a_mistyped_key_names_the_line() {
    let err = select::load("quotes:\n  - pull_quotes: all\n  - txt: \"x\"\n", "q.yaml")
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("q.yaml:3:"), "{err}");
    assert!(err.contains("unknown field `txt`"), "{err}");
}

#[test]
fn addresses_select_paragraphs_sentences_and_runs() {
    let iv = iv();
    let sel = select::select(
        &iv,
        &spec_of("quotes:\n  - at: \"5.18\"\n  - at: \"1.3.2\"\n  - at: \"1.10.1-2\"\n"),
    )
    .unwrap();
    let got: Vec<_> = sel
        .quotes
        .iter()
        .map(|q| (q.address_text(), q.kind))
        .collect();
    assert_eq!(
        got,
        [
            ("5.18".to_string(), QuoteKind::Paragraph),
            ("1.3.2".to_string(), QuoteKind::Sentence),
            ("1.10.1-2".to_string(), QuoteKind::Sentence)
        ]
    );
    assert!(
        sel.quotes[1].text.starts_with("实现AGI") && sel.quotes[1].text.ends_with("一个长跑。")
    );
    for bad in ["9.1", "1.99", "1.3.9", "1.3.2-1"] {
        let err = select::select(&iv, &spec_of(&format!("quotes:\n  - at: \"{bad}\"\n")))
            .unwrap_err()
            .to_string();
        assert!(err.contains("does not exist"), "{bad}: {err}");
    }
    for bad in ["x.y", "1"] {
        let yaml = format!("quotes:\n  - at: \"{bad}\"\n");
        let err = select::load(&yaml, "test.yaml").unwrap_err().to_string();
        assert!(err.contains("is not an address"), "{bad}: {err}");
    }
}

#[test]
fn text_matches_with_either_punctuation_and_excerpts_join_one_turn() {
    let iv = iv();
    let sel = select::select(&iv, &spec_of("quotes:\n  - text: \"我们是首先吃螃蟹的人。\"\n  - text: \"这么早就盖棺定论吗？还太早。\"\n  - text: \"这么早就盖棺定论吗?还太早。\"\n")).unwrap();
    assert_eq!(sel.quotes.len(), 2, "the same text twice is one quote");
    let ex = select::select(
        &iv,
        &spec_of("quotes:\n  - text: \"少非常多,是美国的几十分之一。……它是远远不够的。\"\n"),
    )
    .unwrap();
    assert_eq!(ex.quotes[0].kind, QuoteKind::Excerpt);
    assert_eq!(ex.quotes[0].address_text(), "4.28.1+4.30");
    assert_eq!(
        ex.quotes[0].text,
        "少非常多，是美国的几十分之一。……它是远远不够的。"
    );
    let across = select::select(
        &iv,
        &spec_of("quotes:\n  - text: \"我们是首先吃螃蟹的人。……还太早。\"\n"),
    )
    .unwrap_err()
    .to_string();
    assert!(across.contains("one speaker's turn"), "{across}");
}

#[test]
fn filters_narrow_the_selection() {
    let iv = iv();
    let run = |f: Filters| {
        let spec = Spec {
            filters: f,
            all_sentences: true,
            ..Spec::default()
        };
        select::select(&iv, &spec).unwrap().quotes
    };
    let s3 = run(Filters {
        section: Some(3),
        ..Filters::default()
    });
    assert!(
        !s3.is_empty()
            && s3
                .iter()
                .all(|q| q.section.number == 3 && q.speaker == "张鹏")
    );
    let asker = run(Filters {
        speaker: Some("张小珺".into()),
        ..Filters::default()
    });
    assert!(!asker.is_empty() && asker.iter().all(|q| q.speaker == "张小珺"));
    let bubble = run(Filters {
        grep: Some(regex::Regex::new("Bubble|泡沫").unwrap()),
        ..Filters::default()
    });
    assert!(
        !bubble.is_empty()
            && bubble
                .iter()
                .all(|q| q.text.contains("Bubble") || q.text.contains("泡沫"))
    );
    let short = run(Filters {
        min_chars: Some(10),
        max_chars: Some(16),
        ..Filters::default()
    });
    assert!(!short.is_empty() && short.iter().all(|q| (10..=16).contains(&q.chars)));
    // Filters apply to curated entries too, but not to pull quotes.
    let spec = Spec {
        filters: Filters {
            section: Some(4),
            ..Filters::default()
        },
        ..default_spec()
    };
    let sel = select::select(&iv, &spec).unwrap();
    assert!(
        sel.quotes
            .iter()
            .all(|q| q.section.number == 4 || q.kind == QuoteKind::PullQuote)
    );
}

#[test]
fn adhoc_text_is_cleaned_not_verified() {
    let iv = iv();
    let spec = Spec {
        entries: vec![Entry::new(Source::Adhoc("慢就是快,快就是慢".into()))],
        ..Spec::default()
    };
    let q = &select::select(&iv, &spec).unwrap().quotes[0];
    assert_eq!(
        (q.kind, q.text.as_str()),
        (QuoteKind::Adhoc, "慢就是快，快就是慢")
    );
    assert_eq!(q.text, clean::punctuation("慢就是快,快就是慢"));
}

#[test]
fn ids_must_be_safe_and_unique() {
    let iv = iv();
    for bad in ["../x", "a/b", "\"\"", "a b"] {
        let yaml = format!("quotes:\n  - id: {bad}\n    at: \"5.18\"\n");
        let err = select::select(&iv, &spec_of(&yaml))
            .unwrap_err()
            .to_string();
        assert!(err.contains("not a safe file name"), "{bad}: {err}");
    }
    let long = format!("quotes:\n  - id: {}\n    at: \"5.18\"\n", "a".repeat(65));
    assert!(select::select(&iv, &spec_of(&long)).is_err());
    let dup = "quotes:\n  - id: same\n    at: \"5.18\"\n  - id: same\n    at: \"5.24\"\n";
    assert!(
        select::select(&iv, &spec_of(dup))
            .unwrap_err()
            .to_string()
            .contains("used twice")
    );
    let two = Spec {
        entries: vec![Entry {
            id: Some("x".into()),
            ..Entry::new(Source::PullQuotes(PullQuotes::Sections(vec![1, 2])))
        }],
        ..Spec::default()
    };
    assert!(select::select(&iv, &two).is_err());
    let none = select::load("quotes:\n  - templates: [portrait]\n", "test.yaml");
    assert!(none.unwrap_err().to_string().contains("exactly one of"));
}

#[test]
fn ad_hoc_texts_whose_short_ids_collide_get_distinct_ids() {
    // FNV-1a's upper 32 bits of these two texts are equal (0x59ebeb83).
    let (a, b) = ("慢就是快767648", "慢就是快804828");
    assert_eq!(jinju::select::adhoc_id(a), jinju::select::adhoc_id(b));
    let entries = [a, b, a]
        .iter()
        .map(|t| Entry::new(Source::Adhoc(t.to_string())))
        .collect();
    let spec = Spec {
        entries,
        ..Spec::default()
    };
    let quotes = select::select(&iv(), &spec).unwrap().quotes;
    let ids: Vec<&str> = quotes.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(quotes.len(), 2, "the repeat of `a` is dropped: {ids:?}");
    assert_eq!(ids[0], jinju::select::adhoc_id(a));
    assert_ne!(ids[0], ids[1]);
    assert!(
        ids[1].starts_with(&ids[0][..14]) && ids[1].len() == 22,
        "{ids:?}"
    );
}

#[test]
fn a_lines_file_makes_the_cards_its_lines_given_as_text_make() {
    // Repeats, a blank line, a short-id collision (`b` gets the wide id), and a line that
    // repeats a `--text` quote selected before the lines.
    let (a, b) = ("慢就是快767648", "慢就是快804828");
    let dir = tempfile::tempdir().unwrap();
    let lines = dir.path().join("lines.txt");
    std::fs::write(&lines, format!("{a}\n{b}\n  \n{a}\n先行者\n{b}\n")).unwrap();
    let cards = |out: &str, source: &[&std::ffi::OsStr]| -> serde_json::Value {
        let mut args: Vec<&std::ffi::OsStr> = ["--template", "square", "--scale", "0.2"]
            .into_iter()
            .chain(["--text", "先行者"])
            .map(|a| a.as_ref())
            .collect();
        args.extend(source);
        crate::run::cards_manifest(&dir.path().join(out), &args)
    };
    let from_lines = cards("lines", &["--lines".as_ref(), lines.as_os_str()]);
    let texts: Vec<&std::ffi::OsStr> = [a, b, a, "先行者", b]
        .into_iter()
        .flat_map(|t| ["--text".as_ref(), t.as_ref()])
        .collect();
    let from_texts = cards("texts", &texts);
    assert_eq!(from_lines, from_texts);
    let ids: Vec<&str> = from_lines["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["quote"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert_eq!(ids[..2], [select::adhoc_id("先行者"), select::adhoc_id(a)]);
    assert!(ids[2].starts_with(ids[1]) && ids[2].len() == 22, "{ids:?}");
}
