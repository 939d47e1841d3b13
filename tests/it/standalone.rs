//! Automatic picks stand alone, as a user runs `quotes --auto`: an editor's bold is extended
//! to its whole sentence, and skipped when that sentence opens on a connective, a reply or
//! a reference, announces a list, hedges, or is a question — even a wholly bold question
//! the structure gave to the guest; `--explain` names the filters passed and counts what
//! each rejected.

use assert_cmd::Command;
use std::fs;

/// A WeChat-shaped interview of our own: the editor bolded a fragment of a complete
/// thought, and lines that need their context.
const INTERVIEW: &str = "对话造船人：慢一点，才能走得远
=====================

在福建的一个小渔村，陈远做了三十年木船。

**01**
------

**三十年，只做一件事**

**海风周刊：你做木船多少年了？**

**陈远：**三十年了。手艺这东西，**心诚比手巧更重要，**急是急不来的。

**但木船不怕海边的潮气。**海边的潮气，铁船最怕。

**海风周刊：现在还有人订木船吗？**

**陈远：****是的，基本上还有人订。**镇上原来有二十多家船厂，如今只剩我们一家。

**这个我们做了三十年。**一条船从选料到下水要半年，每一道工序都省不得。

**海风周刊：木船为什么没落了？**

**陈远：****我觉得大概有三个原因：**

铁船便宜，年轻人不学，木料难找。

**我觉得祝大家好运吧。**好东西都是慢慢长出来的。

**木船还有人要吗，您怎么看？**

渔民信得过木船，风浪越大，木船越稳。
";

fn quotes(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("boat.md");
    fs::write(&md, INTERVIEW).unwrap();
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args(["quotes", "--input", md.to_str().unwrap(), "--auto", "12"])
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn bold_is_extended_to_whole_sentences_and_skipped_when_they_need_context() {
    // The filters alone (the card floor, tested on its own, is off).
    let picks: Vec<serde_json::Value> = serde_json::from_str(&quotes(&[
        "--format",
        "json",
        "--explain",
        "--min-card",
        "0",
    ]))
    .unwrap();
    let texts: Vec<&str> = picks.iter().map(|q| q["text"].as_str().unwrap()).collect();
    // The bold fragment stands for its sentence, which is picked whole, as the editor's.
    let whole = picks
        .iter()
        .find(|q| q["text"] == "手艺这东西，心诚比手巧更重要，急是急不来的。")
        .unwrap_or_else(|| panic!("{texts:?}"));
    assert_eq!(whole["from_emphasis"], true);
    // Bold lines that need their context, and the question, are never picked.
    for needs in [
        "但木船不怕",
        "是的",
        "这个我们做了三十年",
        "三个原因",
        "好运吧",
        "您怎么看",
        "木船还有人要吗",
    ] {
        assert!(
            texts.iter().all(|t| !t.contains(needs)),
            "{needs}: {texts:?}"
        );
    }
    // What stands alone is there, bold or not.
    assert!(
        texts.iter().any(|t| t.contains("风浪越大，木船越稳")),
        "{texts:?}"
    );
    for q in &picks {
        let passed: Vec<&str> = q["passed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        for rule in [
            "connective",
            "reply",
            "reference",
            "lead-in",
            "hedge",
            "question",
        ] {
            assert!(passed.contains(&rule), "{rule}: {q}");
        }
    }
}

#[test]
fn explain_counts_what_each_filter_rejected() {
    let table = quotes(&["--explain"]);
    let line = table
        .lines()
        .find(|l| l.starts_with("rejected by the filters:"))
        .unwrap_or_else(|| panic!("{table}"));
    for rule in ["connective", "reply", "reference", "lead-in", "hedge"] {
        assert!(line.contains(rule), "{rule}: {line}");
    }
    assert!(table.contains("passed:"), "{table}");
    // Without --explain, the table is the quotes alone.
    assert!(!quotes(&[]).contains("rejected by the filters"));
}
