//! The reader's language. Messages that the core produces (validation
//! problems) come in both; the interface strings live with the UI.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    En,
    Ar,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    /// A name in another script set inside this language's sentence: in Arabic, a first-strong isolate
    /// (U+2068 … U+2069), so "oninvest.com (MarketWatch / The Wall Street Journal)" keeps its order and its
    /// brackets inside "946 مليار دولار (…)"; in English, as it is.
    pub fn isolate(self, s: &str) -> String {
        match self {
            Lang::En => s.to_string(),
            Lang::Ar => format!("\u{2068}{s}\u{2069}"),
        }
    }

    /// What separates the items of a list that have commas of their own ("; ", Arabic "؛ ").
    pub fn semicolon(self) -> &'static str {
        match self {
            Lang::En => "; ",
            Lang::Ar => "؛ ",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.get(..2)?.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "ar" => Some(Lang::Ar),
            _ => None,
        }
    }
}

/// A text in both languages. A dataset may give one string for both (a
/// journalist's own data, a ticker); the bundled data gives both.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Text {
    pub en: String,
    pub ar: String,
}

impl Text {
    pub fn new(en: &str, ar: &str) -> Text {
        Text { en: en.into(), ar: ar.into() }
    }

    pub fn same(s: &str) -> Text {
        Text { en: s.into(), ar: s.into() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ar => &self.ar,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_another_script_are_isolated_in_arabic_only() {
        let who = "oninvest.com (MarketWatch / The Wall Street Journal)";
        assert_eq!(Lang::En.isolate(who), who);
        let ar = Lang::Ar.isolate(who);
        assert!(ar.starts_with('\u{2068}') && ar.ends_with('\u{2069}') && ar.contains(who));
    }
}
