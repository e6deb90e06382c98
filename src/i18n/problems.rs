//! The problems the core finds in a stranger's file (typed values: a kind, a
//! place, what was expected and found) said in the reader's language. The core
//! never words a message; the page, the tests and the fuzz checks ask here.

use crate::core::csv::CsvFault;
use crate::core::dataset::{Expected, Loc, Problem, ProblemKind, FORMAT};
use crate::core::lang::Lang;

/// A problem said to the reader.
pub trait Say {
    /// One sentence for the reader, in their language, saying where and what.
    fn say(&self, lang: Lang) -> String;
}

impl Say for Problem {
    fn say(&self, lang: Lang) -> String {
        let at = place(&self.loc, lang);
        let what = what(&self.kind, lang);
        if at.is_empty() {
            what
        } else {
            format!("{at}: {what}")
        }
    }
}

fn expected(this: Expected, lang: Lang) -> &'static str {
    use Expected::*;
    match (lang, this) {
        (Lang::En, String) => "a string",
        (Lang::En, Number) => "a number",
        (Lang::En, List) => "a list [ … ]",
        (Lang::En, Object) => "an object { … }",
        (Lang::En, Text) => "a text, or { \"en\": …, \"ar\": … }",
        (Lang::En, DatePair) => "a [start, end] pair of dates",
        (Lang::En, DateValuePair) => "a [date, value] pair",
        (Lang::En, Ids) => "a list of ids (strings)",
        (Lang::En, Bool) => "true or false",
        (Lang::Ar, String) => "نصًا",
        (Lang::Ar, Number) => "عددًا",
        (Lang::Ar, List) => "قائمة [ … ]",
        (Lang::Ar, Object) => "كائنًا { … }",
        (Lang::Ar, Text) => "نصًا، أو { \"en\": …, \"ar\": … }",
        (Lang::Ar, DatePair) => "زوجًا [بداية، نهاية] من التواريخ",
        (Lang::Ar, DateValuePair) => "زوجًا [تاريخ، قيمة]",
        (Lang::Ar, Ids) => "قائمة معرّفات (نصوص)",
        (Lang::Ar, Bool) => "true أو false",
    }
}

fn section_name(section: &str, lang: Lang) -> String {
    let (en, ar) = match section {
        "series" => ("series", "السلسلة"),
        "events" | "event" => ("event", "الحدث"),
        "sources" | "source" => ("source", "المصدر"),
        "facts" | "fact" => ("fact", "المعلومة"),
        "deals" | "deal" => ("deal", "الصفقة"),
        "stories" | "story" => ("story", "القصة"),
        "csv" => ("column", "العمود"),
        other => (other, other),
    };
    match lang {
        Lang::En => en.to_string(),
        Lang::Ar => ar.to_string(),
    }
}

fn place(this: &Loc, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some((l, c)) = this.line {
        parts.push(match (lang, c) {
            (Lang::En, 0) => format!("line {l}"),
            (Lang::En, c) => format!("line {l}, column {c}"),
            (Lang::Ar, 0) => format!("السطر {l}"),
            (Lang::Ar, c) => format!("السطر {l}، العمود {c}"),
        });
    }
    if !this.section.is_empty() {
        let name = section_name(&this.section, lang);
        parts.push(match (&this.id, this.index, lang) {
            (Some(id), _, _) => format!("{name} \"{id}\""),
            (None, Some(i), Lang::En) => format!("{name} #{}", i + 1),
            (None, Some(i), Lang::Ar) => format!("{name} رقم {}", i + 1),
            (None, None, _) => name,
        });
    }
    if let Some(p) = this.point {
        parts.push(match lang {
            Lang::En => format!("point {p}"),
            Lang::Ar => format!("النقطة {p}"),
        });
    }
    if let Some(f) = &this.field {
        parts.push(match lang {
            Lang::En => format!("field \"{f}\""),
            Lang::Ar => format!("الحقل \"{f}\""),
        });
    }
    parts.join(if lang == Lang::Ar { "، " } else { ", " })
}

fn what(this: &ProblemKind, lang: Lang) -> String {
    use ProblemKind::*;
    match lang {
        Lang::En => match this {
            Syntax { detail, .. } => format!("this is not valid JSON ({detail})"),
            Csv(f) => format!(
                "this CSV is broken: {}",
                match f {
                    CsvFault::QuoteInUnquotedField => "a quote inside an unquoted field",
                    CsvFault::TextAfterClosingQuote => "text after a closing quote",
                    CsvFault::UnclosedQuote => "a quoted field is never closed",
                }
            ),
            NotAnObject => "expected an object { … }".into(),
            Missing => "this field is required but missing".into(),
            WrongType(t) => format!("expected {}", expected(*t, lang)),
            UnknownKeyword { value, allowed } => format!("\"{value}\" is not one of: {allowed}"),
            UnsupportedFormat(f) => format!("the format \"{f}\" is not supported (expected \"{FORMAT}\")"),
            NotFinite => "the value is not a finite number".into(),
            BadDate(d) => format!("\"{d}\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY) or a date-time (YYYY-MM-DD HH:MM[:SS][±HH:MM])"),
            Unsorted => "dates must be in increasing order; this one comes before the previous point".into(),
            DuplicateDate(d) => format!("the date {d} appears twice"),
            DuplicateId => "this id is used twice".into(),
            Empty => "there are no points".into(),
            UnknownRef { what, id } => format!("refers to {what} \"{id}\", which is not in the file"),
            TooLarge { bytes, limit } => format!("the file is {} MB, over the limit of {} MB", mb(*bytes), mb(*limit)),
            TooManyPoints { count, limit } => format!("{count} points, over the limit of {limit}"),
            CsvNoDateColumn => "the first column must hold dates (YYYY-MM-DD), date-times (YYYY-MM-DD HH:MM) or, if named like a time, Unix time".into(),
            CsvNoNumbers => "no column after the date holds numbers".into(),
            CsvRowLength { expected, found } => format!("this row has {found} cells, the header has {expected}"),
            NotADataset => "this is neither a dataset (JSON) nor a CSV with a header row".into(),
            UnknownFigure(f) => format!("\"{f}\" is not a figure of this step (figures are defined before they are used)"),
            UnknownKey { key, suggestion: Some(s) } => format!("\"{key}\" is not a key of this format: did you mean \"{s}\"? (ignored)"),
            UnknownKey { key, suggestion: None } => format!("\"{key}\" is not a key of this format (ignored)"),
            TooMany { count, limit } => format!("{count} items, over the limit of {limit}"),
            TooLong { length, limit } => format!("{length} characters, over the limit of {limit}"),
            FigureNoData(f) => format!("the figure \"{f}\" cannot be computed from the data (no point where it looks)"),
        },
        Lang::Ar => match this {
            Syntax { eof: true, .. } => "هذا ليس JSON صالحًا (ينتهي الملف قبل أن يكتمل)".into(),
            Syntax { eof: false, .. } => "هذا ليس JSON صالحًا (رمز في غير موضعه)".into(),
            Csv(f) => format!(
                "ملف CSV هذا معطوب: {}",
                match f {
                    CsvFault::QuoteInUnquotedField => "علامة اقتباس داخل حقل غير مقتبس",
                    CsvFault::TextAfterClosingQuote => "نص بعد علامة اقتباس الإغلاق",
                    CsvFault::UnclosedQuote => "حقل مقتبس لا يُغلق أبدًا",
                }
            ),
            NotAnObject => "المتوقع كائن { … }".into(),
            Missing => "هذا الحقل مطلوب لكنه غير موجود".into(),
            WrongType(t) => format!("المتوقع {}", expected(*t, lang)),
            UnknownKeyword { value, allowed } => format!("\"{value}\" ليست من القيم المسموح بها: {allowed}"),
            UnsupportedFormat(f) => format!("الصيغة \"{f}\" غير مدعومة (المتوقع \"{FORMAT}\")"),
            NotFinite => "القيمة ليست عددًا منتهيًا".into(),
            BadDate(d) => format!("\"{d}\" ليس تاريخًا (YYYY-MM-DD أو YYYY-MM أو YYYY) ولا تاريخًا ووقتًا (YYYY-MM-DD HH:MM[:SS][±HH:MM])"),
            Unsorted => "يجب أن تكون التواريخ تصاعدية؛ هذا التاريخ يسبق النقطة السابقة".into(),
            DuplicateDate(d) => format!("التاريخ {d} مكرر"),
            DuplicateId => "هذا المعرّف مستخدم مرتين".into(),
            Empty => "لا توجد نقاط".into(),
            UnknownRef { what, id } => format!("يشير إلى {} \"{id}\" غير الموجود في الملف", section_name(what, Lang::Ar)),
            TooLarge { bytes, limit } => format!("حجم الملف {} ميغابايت، وهو أكبر من الحد المسموح ({} ميغابايت)", mb(*bytes), mb(*limit)),
            TooManyPoints { count, limit } => format!("{count} نقطة، وهو أكثر من الحد المسموح ({limit})"),
            CsvNoDateColumn => "يجب أن يحتوي العمود الأول على تواريخ (YYYY-MM-DD) أو تواريخ وأوقات (YYYY-MM-DD HH:MM) أو، إن سُمّي باسم وقت، وقت يونكس".into(),
            CsvNoNumbers => "لا يحتوي أي عمود بعد التاريخ على أرقام".into(),
            CsvRowLength { expected, found } => format!("في هذا الصف {found} خلايا، وفي صف العناوين {expected}"),
            NotADataset => "هذا الملف ليس مجموعة بيانات (JSON) ولا ملف CSV بصف عناوين".into(),
            UnknownFigure(f) => format!("\"{f}\" ليس رقمًا معرّفًا في هذه الخطوة (تُعرَّف الأرقام قبل استخدامها)"),
            UnknownKey { key, suggestion: Some(s) } => format!("\"{key}\" ليس مفتاحًا في هذه الصيغة: هل تقصد \"{s}\"؟ (تم تجاهله)"),
            UnknownKey { key, suggestion: None } => format!("\"{key}\" ليس مفتاحًا في هذه الصيغة (تم تجاهله)"),
            TooMany { count, limit } => format!("{count} عنصرًا، وهو أكثر من الحد المسموح ({limit})"),
            TooLong { length, limit } => format!("{length} حرفًا، وهو أكثر من الحد المسموح ({limit})"),
            FigureNoData(f) => format!("لا يمكن حساب الرقم \"{f}\" من البيانات (لا توجد نقطة حيث يبحث)"),
        },
    }
}

fn mb(bytes: usize) -> String {
    let v = bytes as f64 / (1024.0 * 1024.0);
    if v >= 10.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of each kind, at a place with every part: said in Arabic it holds
    /// Arabic and is not the English sentence.
    #[test]
    fn every_problem_is_said_wholly_in_each_language() {
        use ProblemKind::*;
        let kinds = vec![
            Syntax { detail: "expected value at line 1 column 1".into(), eof: false },
            Syntax { detail: "EOF while parsing".into(), eof: true },
            Csv(CsvFault::UnclosedQuote),
            Csv(CsvFault::QuoteInUnquotedField),
            Csv(CsvFault::TextAfterClosingQuote),
            NotAnObject,
            Missing,
            WrongType(Expected::DateValuePair),
            UnknownKeyword { value: "monthy".into(), allowed: "daily, monthly".into() },
            UnsupportedFormat("x/2".into()),
            NotFinite,
            BadDate("2025-13-01".into()),
            Unsorted,
            DuplicateDate("2025-01-02".into()),
            DuplicateId,
            Empty,
            UnknownRef { what: "source", id: "s1".into() },
            TooLarge { bytes: 200 << 20, limit: 128 << 20 },
            TooManyPoints { count: 5, limit: 4 },
            CsvNoDateColumn,
            CsvNoNumbers,
            CsvRowLength { expected: 2, found: 3 },
            NotADataset,
            UnknownKey { key: "comapre".into(), suggestion: Some("compare".into()) },
            UnknownKey { key: "x".into(), suggestion: None },
            TooMany { count: 9, limit: 8 },
            TooLong { length: 9, limit: 8 },
            UnknownFigure("peak".into()),
            FigureNoData("peak".into()),
        ];
        let loc = Loc { section: "series".into(), index: Some(0), id: Some("ORCL".into()), point: Some(3), field: Some("value".into()), line: Some((4, 2)) };
        let arabic = |s: &str| s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        for kind in kinds {
            let p = Problem::new(loc.clone(), kind);
            let (en, ar) = (p.say(Lang::En), p.say(Lang::Ar));
            assert!(en.starts_with("line 4, column 2, series \"ORCL\", point 3, field \"value\": "), "{en}");
            assert!(arabic(&ar) && ar != en && ar.starts_with("السطر 4"), "{ar}");
            assert!(!arabic(&en), "{en}");
        }
    }
}
