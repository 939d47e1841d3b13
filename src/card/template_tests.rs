//! Template loading and validation tests.

use super::*;

fn parse(yaml: &str) -> Result<Template> {
    Template::parse(yaml, "t.yaml", None)
}

const MINIMAL: &str = r##"
name: t
size: [400, 300]
background: { color: "#FFFFFF" }
padding: [20, 20, 20, 20]
quote: { font: serif, size: { min: 10, max: 40 }, color: "#000000" }
"##;

#[test]
fn every_preset_loads_with_its_size() {
    let presets = presets();
    assert_eq!(presets.len(), PRESETS.len());
    let size = |name: &str| {
        presets
            .iter()
            .find(|p| p.name == name)
            .map(|p| (p.width, p.height))
    };
    assert_eq!(size("square"), Some((1080, 1080)));
    assert_eq!(size("portrait"), Some((1080, 1350)));
    assert_eq!(size("story"), Some((1080, 1920)));
    assert_eq!(size("xiaohongshu"), Some((1242, 1660)));
    assert_eq!(size("landscape"), Some((1200, 675)));
    assert_eq!(size("wechat-cover"), Some((900, 383)));
    let (w, h) = size("cover").unwrap();
    assert!(w.max(h) >= 1600);
    for p in &presets {
        assert!(!p.description.is_empty(), "{}", p.name);
    }
}

#[test]
fn minimal_template_takes_defaults() {
    let t = parse(MINIMAL).unwrap();
    assert_eq!(t.quote.line_height, 1.6);
    assert!(t.quote.balanced);
    assert!(t.mark.is_none() && t.attribution.is_none());
}

#[test]
fn unknown_keys_are_errors_with_a_position() {
    let yaml = MINIMAL.replace("padding:", "paddin:");
    let err = parse(&yaml).unwrap_err().to_string();
    assert!(err.starts_with("t.yaml:5:"), "{err}");
    assert!(err.contains("paddin"), "{err}");
    let yaml = MINIMAL.replace("color: \"#000000\"", "colour: \"#000000\"");
    assert!(parse(&yaml).unwrap_err().to_string().contains("colour"));
}

#[test]
fn sizes_are_bounded() {
    for (size, ok) in [
        ("[0, 300]", false),
        ("[9000, 300]", false),
        ("[8192, 8192]", true),
    ] {
        let yaml = MINIMAL.replace("[400, 300]", size);
        let result = parse(&yaml);
        assert_eq!(result.is_ok(), ok, "{size}: {:?}", result.err());
        if let Err(e) = result {
            assert!(e.to_string().contains("1–8192"), "{e}");
        }
    }
    let yaml = MINIMAL.replace("[20, 20, 20, 20]", "[200, 20, 200, 20]");
    assert!(parse(&yaml).unwrap_err().to_string().contains("padding"));
    let yaml = MINIMAL.replace("min: 10, max: 40", "min: 50, max: 40");
    assert!(parse(&yaml).unwrap_err().to_string().contains("quote.size"));
}

#[test]
fn values_are_checked() {
    let yaml = MINIMAL.replace("\"#000000\"", "\"black\"");
    assert!(parse(&yaml).unwrap_err().to_string().contains("#RRGGBB"));
    let yaml = MINIMAL.replace("{ color: \"#FFFFFF\" }", "{ }");
    assert!(
        parse(&yaml)
            .unwrap_err()
            .to_string()
            .contains("exactly one")
    );
    let yaml = format!(
        "{MINIMAL}footer: {{ text: \"{{book}}\", font: sans, size: 10, color: \"#000000\" }}\n"
    );
    let err = parse(&yaml).unwrap_err().to_string();
    assert!(err.contains("{book}") && err.contains("{speaker}"), "{err}");
    let yaml = MINIMAL.replace("font: serif", "font: comic");
    let err = parse(&yaml).unwrap_err().to_string();
    assert!(
        err.contains("unknown font `comic`") && err.contains("serif-bold"),
        "{err}"
    );
}

#[test]
fn font_and_image_files_are_read_at_load() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = MINIMAL.replace("font: serif", "font: missing.ttf");
    let err = Template::parse(&yaml, "t.yaml", Some(dir.path())).unwrap_err();
    assert!(matches!(err, Error::Read { .. }), "{err}");
    std::fs::write(dir.path().join("bad.otf"), b"OTTO and nothing else").unwrap();
    let yaml = MINIMAL.replace("font: serif", "font: bad.otf");
    let err = Template::parse(&yaml, "t.yaml", Some(dir.path())).unwrap_err();
    assert!(matches!(err, Error::BadFont { .. }), "{err}");
    std::fs::write(dir.path().join("bg.png"), b"not a png").unwrap();
    let yaml = MINIMAL.replace("{ color: \"#FFFFFF\" }", "{ image: bg.png }");
    let err = Template::parse(&yaml, "t.yaml", Some(dir.path())).unwrap_err();
    assert!(matches!(err, Error::BadImage { .. }), "{err}");
}

#[test]
fn templates_load_by_name_or_path() {
    let err = Template::load("postcard").unwrap_err().to_string();
    assert!(
        err.contains("unknown template `postcard`") && err.contains("portrait"),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.yaml");
    std::fs::write(&path, MINIMAL).unwrap();
    let t = Template::load(path.to_str().unwrap()).unwrap();
    assert_eq!(t.size, [400, 300]);
    let err = Template::load(dir.path().join("none.yaml").to_str().unwrap()).unwrap_err();
    assert!(matches!(err, Error::Read { .. }), "{err}");
}

#[test]
fn font_file_specs() {
    assert_eq!(font_file_spec("a/b.TTC#2"), Some(("a/b.TTC", 2)));
    assert_eq!(font_file_spec("x.otf"), Some(("x.otf", 0)));
    assert_eq!(font_file_spec("serif"), None);
    assert_eq!(font_file_spec("x.ttc#two"), None);
}
