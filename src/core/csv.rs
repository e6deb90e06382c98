//! A small RFC 4180 CSV reader: quoted fields, doubled quotes, commas and
//! newlines inside quotes, CRLF, a leading BOM, and a choice of delimiter
//! (`,` or `;`, as spreadsheet programs export in many locales).

/// One record with the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// What is wrong with a CSV's quoting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvFault {
    QuoteInUnquotedField,
    TextAfterClosingQuote,
    UnclosedQuote,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    pub line: usize,
    pub fault: CsvFault,
    /// In English, for the maintainer's tools (the app renders `fault` in the reader's language).
    pub message: String,
}

impl CsvError {
    fn new(line: usize, fault: CsvFault) -> CsvError {
        let message = match fault {
            CsvFault::QuoteInUnquotedField => "a quote inside an unquoted field",
            CsvFault::TextAfterClosingQuote => "text after a closing quote",
            CsvFault::UnclosedQuote => "a quoted field is never closed",
        };
        CsvError { line, fault, message: message.into() }
    }
}

/// Splits `text` into records. Blank lines are skipped.
pub fn parse(text: &str, delimiter: char) -> Result<Vec<Record>, CsvError> {
    let mut reader = Reader::new(text, delimiter);
    let mut records = Vec::new();
    while let Some(r) = reader.next_record() {
        records.push(r?);
    }
    Ok(records)
}

/// Reads records one at a time from a byte position, so a big file can be read
/// in slices: [`Reader::at`] resumes where [`Reader::pos`] and [`Reader::line`] left off.
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    delimiter: char,
}

impl<'a> Reader<'a> {
    /// From the start of `text` (after a BOM).
    pub fn new(text: &'a str, delimiter: char) -> Reader<'a> {
        let pos = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
        Reader { text, pos, line: 1, delimiter }
    }

    /// From byte `pos`, which is on `line` (both as a reader left them).
    pub fn at(text: &'a str, pos: usize, line: usize, delimiter: char) -> Reader<'a> {
        Reader { text, pos: pos.min(text.len()), line, delimiter }
    }

    /// The byte where the next record starts.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// The line the next record starts on.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The next record that is not a blank line; after an error, nothing more.
    pub fn next_record(&mut self) -> Option<Result<Record, CsvError>> {
        loop {
            if self.pos >= self.text.len() {
                return None;
            }
            let rest = &self.text[self.pos..];
            let mut fields = Vec::new();
            let mut field = String::new();
            let mut in_quotes = false;
            let mut quoted_field = false;
            let start_line = self.line;
            let mut end = rest.len();
            let mut ended = false;
            let mut chars = rest.char_indices().peekable();
            let mut fail = None;
            while let Some((i, c)) = chars.next() {
                if in_quotes {
                    match c {
                        '"' if matches!(chars.peek(), Some((_, '"'))) => {
                            chars.next();
                            field.push('"');
                        }
                        '"' => in_quotes = false,
                        '\n' => {
                            self.line += 1;
                            field.push(c);
                        }
                        _ => field.push(c),
                    }
                    continue;
                }
                match c {
                    '"' if field.is_empty() && !quoted_field => {
                        in_quotes = true;
                        quoted_field = true;
                    }
                    '"' => {
                        fail = Some(CsvError::new(self.line, CsvFault::QuoteInUnquotedField));
                        break;
                    }
                    c if c == self.delimiter => {
                        fields.push(std::mem::take(&mut field));
                        quoted_field = false;
                    }
                    '\r' if matches!(chars.peek(), Some((_, '\n'))) => {}
                    '\n' | '\r' => {
                        fields.push(std::mem::take(&mut field));
                        end = i + c.len_utf8();
                        ended = true;
                        self.line += 1;
                        break;
                    }
                    _ => {
                        if quoted_field {
                            fail = Some(CsvError::new(self.line, CsvFault::TextAfterClosingQuote));
                            break;
                        }
                        field.push(c);
                    }
                }
            }
            if fail.is_none() && !ended {
                if in_quotes {
                    fail = Some(CsvError::new(start_line, CsvFault::UnclosedQuote));
                } else {
                    fields.push(field);
                }
            }
            if let Some(e) = fail {
                self.pos = self.text.len();
                return Some(Err(e));
            }
            self.pos += end;
            if fields.len() == 1 && fields[0].is_empty() {
                continue;
            }
            return Some(Ok(Record { line: start_line, fields }));
        }
    }
}

/// Guesses the delimiter from the header line: `;` if it has more semicolons
/// than commas, else `,`.
pub fn sniff_delimiter(text: &str) -> char {
    let header = text.lines().next().unwrap_or("");
    if header.matches(';').count() > header.matches(',').count() {
        ';'
    } else {
        ','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        parse(text, ',').unwrap().into_iter().map(|r| r.fields).collect()
    }

    #[test]
    fn plain_quoted_and_escaped_fields() {
        let t = "date,value,unit,source\n2024-12,2.6,\"USD bn, post-money\",\"a \"\"quote\"\" here\"\r\n";
        assert_eq!(fields(t), vec![vec!["date", "value", "unit", "source"], vec!["2024-12", "2.6", "USD bn, post-money", "a \"quote\" here"]]);
    }

    #[test]
    fn newlines_inside_quotes_keep_line_numbers_right() {
        let r = parse("a,b\n\"x\ny\",1\nz,2\n", ',').unwrap();
        assert_eq!(r[1].fields, vec!["x\ny", "1"]);
        assert_eq!(r[1].line, 2);
        assert_eq!(r[2].line, 4);
    }

    #[test]
    fn bom_blank_lines_semicolons_and_no_final_newline() {
        let r = parse("\u{feff}Date;Close\n\n2025-01-02;1,5", ';').unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].fields, vec!["2025-01-02", "1,5"]);
        assert_eq!(r[1].line, 3);
        assert_eq!(sniff_delimiter("Date;Close;Open\n"), ';');
        assert_eq!(sniff_delimiter("date,value\n"), ',');
    }

    #[test]
    fn broken_quotes_are_reported_with_their_line() {
        assert_eq!(parse("a,b\n\"open,1\n", ',').unwrap_err().line, 2);
        assert_eq!(parse("a,b\nx\"y,1\n", ',').unwrap_err().line, 2);
        assert_eq!(parse("a,b\n\"x\"y,1\n", ',').unwrap_err().line, 2);
    }
}
