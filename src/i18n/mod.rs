//! Every interface string, in English (en.rs) and Arabic (ar.rs), written for
//! each language rather than translated word for word. Keys are an enum, so a
//! string missing in either language does not compile; tests also check that
//! no Arabic string is left equal to its English one. Parameters are `{0}`,
//! `{1}`, … filled by [`tf`]. Texts that come with the data (story titles,
//! events, facts, FAQ) are in the dataset, in both languages.

mod ar;
mod en;
mod problems;

pub use problems::Say;

use crate::core::lang::Lang;

macro_rules! keys {
    ($($k:ident),+ $(,)?) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($k),+ }
        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$k),+];
        }
    };
}

keys!(
    SiteTitle,
    Lede,
    SwitchLang,
    SwitchLangLabel,
    ThemeAuto,
    ThemeLight,
    ThemeDark,
    ThemeLabel,
    BundledUnreadable,
    BundledUnloaded,
    Showing,
    OriginBundled,
    OriginUrl,
    OriginFile,
    UseOther,
    UrlLabel,
    Load,
    FileLabel,
    CsvHint,
    DataFormat,
    AnExample,
    BackToBundled,
    LoadingUrl,
    ReadingFile,
    Receiving,
    ReadingProgress,
    LoadCancelled,
    Cancel,
    CouldNotUseUrl,
    CouldNotUseFile,
    RequestFailed,
    ServerAnswered,
    ResponseUnreadable,
    FileUnreadable,
    DataRegion,
    ProblemsCount,
    ChartKept,
    Dismiss,
    Stories,
    SeriesLabel,
    CompareWith,
    ModeGroup,
    ModeAbsolute,
    ModeIndexed,
    ModePercent,
    ModeDrawdown,
    LogScale,
    Table,
    Play,
    Pause,
    MixedUnits,
    BaseIndexed,
    BasePercent,
    BaseDrawdown,
    NoDataFor,
    CaptionIndexed,
    CaptionPercent,
    CaptionDrawdown,
    AfterArticle,
    NoDataBetween,
    TooFarApart,
    ChartDesc,
    ChartDescLine,
    EmptyView,
    JumpTo,
    UnitUsd,
    UnitUsdPerShare,
    UnitUsdM,
    UnitUsdBn,
    UnitUsdt,
    UnitPercent,
    UnitMw,
    UnitUsdMPerMwYear,
    UnitCount,
    UnitNumber,
    StartDate,
    EndDate,
    Timeline,
    ArticleMark,
    ReadoutHint,
    LastBefore,
    MarkedOnChart,
    AfterArticleParen,
    EventRegion,
    SourcePrefix,
    SourceLine,
    Close,
    TableRegion,
    DateCol,
    FromTo,
    SourcesHeading,
    SourcesCount,
    ConfPrimary,
    ConfSecondary,
    ConfWeak,
    Link,
    Disagree,
    WhereDisagree,
    DealsCaption,
    DealsRegion,
    Company,
    Partner,
    Value,
    Capacity,
    Term,
    SourceCol,
    NotDisclosed,
    Figures,
    WeaklySourced,
    FaqHeading,
    Explore,
    SkipToChart,
    Summary,
    ShareHeading,
    CopyLink,
    LinkCopied,
    ShareSheet,
    Embed,
    EmbedHint,
    EmbedCode,
    DownloadPng,
    DownloadSvg,
    DownloadCsv,
    DownloadCsvFull,
    OpenFull,
    LinkLine,
    ModeLine,
    StepsNav,
    Previous,
    Next,
    StepOf,
    GoToStep,
    BackToStep,
    OffPath,
    WindowMoved,
    FiguresFrom,
    SourcesDisagree,
    DataBegin,
    DataEnd,
    Bars,
    BlockedLogBelowZero,
    BlockedLogBars,
    BlockedDrawdownBars,
    BlockedBarsPrices,
    BlockedBarsDrawdown,
    NumberOnChart,
    OnTheChart,
    AddSeries,
    AddSeriesHint,
    RemoveSeries,
    NoMatch,
    Fatal,
    Reload,
    DoingStart,
    DoingDraw,
    DoingLoad,
    DoingStep,
    DoingInput,
    LoadedWithNotes,
    OfflineDownload,
    Megabytes,
    OfflineNote,
    OfflineCopy,
    NeedsScript,
    DownloadZip,
    HowToCite,
    CiteText,
    DataAsOf,
    RowsOf,
    TablePages,
    EarlierRows,
    LaterRows,
);

/// The string for `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::En => en::get(key),
        Lang::Ar => ar::get(key),
    }
}

/// The string with `{0}`, `{1}`, … replaced by `args`.
pub fn tf(lang: Lang, key: Key, args: &[&str]) -> String {
    let mut s = t(lang, key).to_string();
    for (i, a) in args.iter().enumerate() {
        s = s.replace(&format!("{{{i}}}"), a);
    }
    s
}

/// "5 years" / "5 سنوات" (Arabic counts take the plural from 3 to 10).
pub fn years(lang: Lang, n: u32, number: &str) -> String {
    match lang {
        Lang::En if n == 1 => format!("{number} year"),
        Lang::En => format!("{number} years"),
        Lang::Ar if n == 1 => "سنة واحدة".into(),
        Lang::Ar if n == 2 => "سنتان".into(),
        Lang::Ar if (3..=10).contains(&n) => format!("{number} سنوات"),
        Lang::Ar => format!("{number} سنة"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_arabic(s: &str) -> bool {
        s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
    }

    #[test]
    fn every_key_has_both_languages_and_arabic_is_arabic() {
        for k in Key::ALL {
            let (en, ar) = (t(Lang::En, *k), t(Lang::Ar, *k));
            assert!(!en.trim().is_empty(), "{k:?}: English is empty");
            assert!(!ar.trim().is_empty(), "{k:?}: Arabic is empty");
            // The language switch names the other language, so en holds Arabic and ar holds English.
            if *k == Key::SwitchLang {
                assert!(has_arabic(en) && !has_arabic(ar));
                continue;
            }
            assert_ne!(en, ar, "{k:?}: the Arabic string equals the English one");
            assert!(has_arabic(ar), "{k:?}: the Arabic string has no Arabic letters: {ar}");
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        for k in Key::ALL {
            for i in 0..8 {
                let p = format!("{{{i}}}");
                assert_eq!(t(Lang::En, *k).contains(&p), t(Lang::Ar, *k).contains(&p), "{k:?}: {p} in one language only");
            }
        }
        assert_eq!(tf(Lang::En, Key::JumpTo, &["a", "b"]), "Show a to b");
    }

    #[test]
    fn arabic_year_counts() {
        assert_eq!(years(Lang::Ar, 5, "5"), "5 سنوات");
        assert_eq!(years(Lang::Ar, 15, "15"), "15 سنة");
        assert_eq!(years(Lang::En, 12, "12"), "12 years");
    }
}
