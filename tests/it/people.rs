//! Who speaks, through the command line: every label shape (two hosts, legends, cast lists,
//! glued labels, numbered questions, role labels named by the title, URL and timestamp traps),
//! the names a card prints, the user's overrides, and the doubts — on fixtures of our own in
//! the shapes of real interviews (`tests/data/people`).

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/people")
        .join(name)
}

fn inspect(name: &str, extra: &[&str]) -> Value {
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args(["inspect", "--format", "json", "--input"])
        .arg(fixture(name))
        .args(extra)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// (speaker, first characters) of every paragraph that opens a turn.
fn turns(iv: &Value) -> Vec<(String, String)> {
    crate::run::opening_turns(iv)
        .into_iter()
        .map(|(s, t)| (s, t.chars().take(6).collect()))
        .collect()
}

fn who(iv: &Value) -> Vec<String> {
    turns(iv).into_iter().map(|(s, _)| s).collect()
}

#[test]
fn two_hosts_ask_and_the_guest_takes_his_full_name() {
    let iv = inspect("two_hosts.md", &[]);
    assert_eq!(iv["roles"]["Mia"], "interviewer");
    assert_eq!(
        iv["roles"]["Joe"], "interviewer",
        "a host who comments is still a host"
    );
    assert_eq!(iv["roles"]["Sam"], "guest");
    assert_eq!(iv["names"]["Sam"], "Sam Lee", "the intro introduces him");
    assert_eq!(turns(&iv).len(), 10);
}

#[test]
fn legends_name_people_and_are_never_turns() {
    let iv = inspect("legend.md", &[]);
    assert_eq!(iv["names"]["何"], "何嘉欣");
    assert_eq!(iv["names"]["李"], "李雅文");
    assert_eq!(iv["roles"]["李"], "interviewer");
    assert_eq!(turns(&iv).len(), 6);

    let iv = inspect("legend_lines.md", &[]);
    assert_eq!(iv["names"]["陳"], "陳嘉欣");
    assert_eq!(iv["names"]["問"], "《早晨有你》主持人");
    assert_eq!(iv["roles"]["陳"], "guest");
    let t = turns(&iv);
    assert_eq!(t.len(), 6, "the two legend lines are no turns: {t:?}");
    assert_eq!(t[0], ("問".to_string(), "你點睇而家嘅".to_string()));
    assert!(
        iv["sections"][0]["title"].is_null(),
        "a legend is no heading"
    );
}

#[test]
fn cast_lists_and_labels_glued_to_the_paragraph_before() {
    let iv = inspect("glued.md", &[]);
    assert_eq!(
        iv["roles"]["Vera"], "interviewer",
        "the cast list names the host"
    );
    assert_eq!(iv["roles"]["Lin Qiao"], "guest");
    assert_eq!(
        who(&iv),
        [
            "Vera",
            "Lin Qiao",
            "Mark Chen",
            "Vera",
            "Lin Qiao",
            "Mark Chen",
            "Vera",
            "Lin Qiao",
            "Mark Chen"
        ]
    );
    let t = turns(&iv);
    assert_eq!(
        t[1].1, "我在实验室做",
        "the glued label's turn starts on the next line"
    );
    let intro: Vec<&str> = iv["meta"]["intro"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert!(
        intro.iter().any(|x| x.starts_with("Vera")),
        "the cast line stays in the intro as text, not a turn: {intro:?}"
    );
}

#[test]
fn numbered_questions_are_the_interviewers_turns() {
    let iv = inspect("numbered_questions.md", &[]);
    assert_eq!(who(&iv), ["Q", "A", "Q", "A", "Q", "A"]);
    assert_eq!(iv["roles"]["Q"], "interviewer");
    assert_eq!(turns(&iv)[0].1, "今年以来，市");
}

#[test]
fn a_role_label_takes_the_name_the_title_gives_and_says_it_guessed() {
    let iv = inspect("nickname_title.md", &[]);
    assert_eq!(iv["names"]["A"], "汤明远");
    assert_eq!(iv["names"]["Q"], "", "the asker is named nowhere");
    let doubts = iv["doubts"].as_array().unwrap();
    assert!(
        doubts
            .iter()
            .any(|d| d["fix"].as_str().unwrap().contains("--name")),
        "{doubts:?}"
    );
}

#[test]
fn urls_and_timestamps_are_no_speakers() {
    let iv = inspect("traps.md", &[]);
    let speakers: Vec<&str> = iv["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(speakers, ["张三", "李四"]);
    let t = turns(&iv);
    assert_eq!(t.len(), 6);
    assert_eq!(
        t[3],
        ("李四".to_string(), "后来我们把每".to_string()),
        "the time is no text"
    );
}

#[test]
fn overrides_win_over_every_guess() {
    let iv = inspect(
        "traps.md",
        &[
            "--interviewer",
            "李四",
            "--guest",
            "张三",
            "--name",
            "张三=张三丰",
        ],
    );
    assert_eq!(iv["roles"]["李四"], "interviewer");
    assert_eq!(iv["roles"]["张三"], "guest");
    assert_eq!(iv["names"]["张三"], "张三丰");
    assert!(
        iv["doubts"].as_array().unwrap().is_empty(),
        "{}",
        iv["doubts"]
    );
    // A guess without an override is said, with the flag that fixes it.
    let iv = inspect("traps.md", &[]);
    let fix = iv["doubts"][0]["fix"].as_str().unwrap();
    assert!(fix.contains("--interviewer"), "{fix}");
}

#[test]
fn a_bad_name_override_is_refused_with_the_shape() {
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args(["inspect", "--input"])
        .arg(fixture("traps.md"))
        .args(["--name", "张三丰"])
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("LABEL=FULL NAME"), "{err}");
}

#[test]
fn cards_print_the_full_name() {
    let out = crate::run::succeeds([
        "quotes".as_ref(),
        "--input".as_ref(),
        fixture("nickname_title.md").as_os_str(),
        "--auto".as_ref(),
        "2".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    let quotes: Value = serde_json::from_slice(&out.stdout).unwrap();
    for q in quotes.as_array().unwrap() {
        assert_eq!(q["speaker"], "A");
        assert_eq!(
            q["attribution"], "汤明远",
            "the card credits the name, not `A`"
        );
    }
    // The card itself carries the name as its Author.
    let dir = tempfile::tempdir().unwrap();
    let m = crate::run::cards_manifest(
        dir.path(),
        &[
            "--input".as_ref(),
            fixture("nickname_title.md").as_os_str(),
            "--auto".as_ref(),
            "1".as_ref(),
        ],
    );
    let path = m["artifacts"][0]["path"].as_str().unwrap();
    let png = std::fs::read(dir.path().join(path)).unwrap();
    let needle = "汤明远".as_bytes();
    assert!(png.windows(needle.len()).any(|w| w == needle));
}

#[test]
fn job_files_carry_the_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("traps.md");
    std::fs::copy(fixture("traps.md"), &input).unwrap();
    std::fs::write(
        dir.path().join("jobs.yaml"),
        "jobs:\n  - input: traps.md\n    out: out\n    auto: 2\n    epub: false\n    interviewer: 张三\n    guest: [李四]\n    names: {李四: 李四光}\n",
    )
    .unwrap();
    crate::run::succeeds([
        "build".as_ref(),
        "--quiet".as_ref(),
        "--job".as_ref(),
        dir.path().join("jobs.yaml").as_os_str(),
    ]);
    let needle = "李四光".as_bytes();
    let credited = std::fs::read_dir(dir.path().join("out/cards"))
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .any(|png| png.windows(needle.len()).any(|w| w == needle));
    assert!(credited, "the job's --name reaches the cards");
}

#[test]
fn a_cast_lists_affiliations_introduce_the_guests_in_the_book() {
    // `Lin Qiao, 某实验室研究员` in the cast list: the title page names her with it, and her
    // first turn (only the first) introduces her; the interviewer's description too.
    let dir = tempfile::tempdir().unwrap();
    let epub = dir.path().join("b.epub");
    let o = Command::cargo_bin("jinju")
        .unwrap()
        .args(["epub", "--input"])
        .arg(fixture("glued.md"))
        .arg("--out")
        .arg(&epub)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let file = std::fs::File::open(&epub).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut pages = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().ends_with(".xhtml") {
            std::io::Read::read_to_string(&mut f, &mut pages).unwrap();
        }
    }
    // (Latin runs are wrapped in `lang` spans: compare the text.)
    let pages = pages
        .replace("<span lang=\"en\" xml:lang=\"en\">", "")
        .replace("</span>", "");
    // The title page: one person a line, each with their description.
    for line in [
        "<p class=\"byline\">访谈：Vera（投资人，公众号主理人）</p>",
        "<p class=\"byline\">嘉宾：Lin Qiao（某实验室研究员）</p>",
        "<p class=\"byline\">Mark Chen（某公司产品经理）</p>",
    ] {
        assert!(pages.contains(line), "the title page: {line}");
    }
    let introduced = "class=\"who\">Lin Qiao（某实验室研究员）：";
    assert_eq!(pages.matches(introduced).count(), 1, "her first turn only");
    assert!(pages.contains("class=\"who\">Lin Qiao："));
}

#[test]
fn affiliations_are_in_the_json_from_a_cast_list_or_a_plainly_stated_intro() {
    let cast = inspect("glued.md", &[]);
    assert_eq!(cast["affiliations"]["Lin Qiao"], "某实验室研究员");
    assert_eq!(cast["affiliations"]["Vera"], "投资人，公众号主理人");
    // A lead (`我们请到了A和某实验室研究员B`) and a line opening with a name and a comma; a
    // host called `我们的老朋友` is described by no title, and gets nothing.
    let intro = inspect("intro_lead.md", &[]);
    let affiliations = intro["affiliations"].as_object().unwrap();
    assert_eq!(affiliations["周小川"], "某实验室研究员");
    assert_eq!(affiliations["陈一鸣"], "某芯片公司联合创始人");
    assert!(!affiliations.contains_key("林溪"), "{affiliations:?}");
    let none = inspect("two_hosts.md", &[]);
    assert_eq!(
        none["affiliations"],
        serde_json::json!({}),
        "nobody described"
    );
}
