//! Quote cards: templates, embedded fonts, rasterisation to PNG (issue 5).
