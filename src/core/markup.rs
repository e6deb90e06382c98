//! Text put into HTML or SVG markup that the site writes (the pages' first
//! screens and noscript blocks, the preview cards): a title or a label from a
//! dataset must stay text.

/// `s` safe as element text or inside a double-quoted attribute.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_stays_text() {
        assert_eq!(super::escape(r#"<b title="x">A & B</b>"#), "&lt;b title=&quot;x&quot;&gt;A &amp; B&lt;/b&gt;");
        assert_eq!(super::escape("أوراكل (ORCL)"), "أوراكل (ORCL)");
    }
}
