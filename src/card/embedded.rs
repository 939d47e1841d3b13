//! The fonts built into the binary (the `jinju-fonts-*` data crates; the files are in `fonts/`,
//! see `fonts/README.md`): each face's name in
//! templates, its bytes, what it is, and which script it serves. A Traditional face holds
//! only the glyphs that differ from its Simplified partner's (Noto's collections share one
//! glyph set), so it is always used together with that partner (`FontBook::chain`).

/// What a bundled face draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A Simplified Chinese text face (Latin, punctuation and Traditional forms too where
    /// the font has them).
    Text,
    /// The Traditional (Taiwan) forms of the text face named here.
    TraditionalOf(&'static str),
    /// Colour emoji (COLR/CPAL; sequences folded to Plane 15 code points, `emoji`).
    Emoji,
    /// Characters outside every text face (CJK Extension B and beyond), noted in the manifest.
    Rare,
}

/// One bundled face.
pub struct Embedded {
    pub name: &'static str,
    pub bytes: &'static [u8],
    pub description: &'static str,
    pub role: Role,
}

const fn face(
    name: &'static str,
    bytes: &'static [u8],
    description: &'static str,
    role: Role,
) -> Embedded {
    Embedded {
        name,
        bytes,
        description,
        role,
    }
}

/// The embedded fonts, text faces first.
pub const EMBEDDED: [Embedded; 11] = [
    face(
        "serif",
        jinju_fonts_serif::REGULAR,
        "Noto Serif CJK SC Regular",
        Role::Text,
    ),
    face(
        "serif-bold",
        jinju_fonts_serif::BOLD,
        "Noto Serif CJK SC Bold",
        Role::Text,
    ),
    face(
        "sans",
        jinju_fonts_sans::REGULAR,
        "Noto Sans CJK SC Regular",
        Role::Text,
    ),
    face(
        "sans-bold",
        jinju_fonts_sans::BOLD,
        "Noto Sans CJK SC Bold",
        Role::Text,
    ),
    face(
        "kai",
        jinju_fonts_kai::REGULAR,
        "Jinju Kai (LXGW WenKai) Regular, Simplified and Traditional",
        Role::Text,
    ),
    face(
        "serif-tc",
        jinju_fonts_serif::TC_REGULAR,
        "Noto Serif CJK TC Regular (the forms that differ from SC)",
        Role::TraditionalOf("serif"),
    ),
    face(
        "serif-bold-tc",
        jinju_fonts_serif::TC_BOLD,
        "Noto Serif CJK TC Bold (the forms that differ from SC)",
        Role::TraditionalOf("serif-bold"),
    ),
    face(
        "sans-tc",
        jinju_fonts_sans::TC_REGULAR,
        "Noto Sans CJK TC Regular (the forms that differ from SC)",
        Role::TraditionalOf("sans"),
    ),
    face(
        "sans-bold-tc",
        jinju_fonts_sans::TC_BOLD,
        "Noto Sans CJK TC Bold (the forms that differ from SC)",
        Role::TraditionalOf("sans-bold"),
    ),
    face(
        "emoji",
        jinju_fonts_extra::EMOJI,
        "Jinju Emoji (Twemoji Mozilla, COLR) Regular",
        Role::Emoji,
    ),
    face(
        "rare",
        jinju_fonts_extra::RARE,
        "Jinju Rare (HanaMinB) Regular: CJK Extension B+",
        Role::Rare,
    ),
];

/// The Traditional face paired with text face `name`, if there is one.
pub fn traditional_of(name: &str) -> Option<&'static str> {
    EMBEDDED.iter().find_map(|e| match e.role {
        Role::TraditionalOf(sc) if sc == name => Some(e.name),
        _ => None,
    })
}

/// The Simplified partner of `name` if it is a Traditional face, else `name`.
pub fn simplified_of(name: &str) -> &str {
    EMBEDDED
        .iter()
        .find_map(|e| match e.role {
            Role::TraditionalOf(sc) if e.name == name => Some(sc),
            _ => None,
        })
        .unwrap_or(name)
}

/// The name of the face with `role`.
pub fn with_role(role: Role) -> Option<&'static str> {
    EMBEDDED.iter().find(|e| e.role == role).map(|e| e.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_traditional_face_pairs_with_a_text_face() {
        for e in &EMBEDDED {
            if let Role::TraditionalOf(sc) = e.role {
                assert_eq!(traditional_of(sc), Some(e.name));
                assert_eq!(simplified_of(e.name), sc);
                assert!(
                    EMBEDDED
                        .iter()
                        .any(|t| t.name == sc && t.role == Role::Text)
                );
            }
        }
        assert_eq!(traditional_of("kai"), None, "Kai holds both scripts");
        assert_eq!(simplified_of("kai"), "kai");
        assert_eq!(with_role(Role::Emoji), Some("emoji"));
        assert_eq!(with_role(Role::Rare), Some("rare"));
    }
}
