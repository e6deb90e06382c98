//! The pure core: no web-sys, no drawing. Dates, series, the timeline
//! controller, axis ranges and the bundled data. Tested natively.

pub mod axis;
pub mod bundled;
pub mod csv;
pub mod dataset;
pub mod dataset_json;
pub mod date;
pub mod export;
pub mod fmt;
pub mod format;
pub mod import_csv;
pub mod json_slices;
pub mod lang;
pub mod markup;
pub mod order;
pub mod permalink;
pub mod series;
pub mod story;
pub mod timeline;
pub mod transform;
pub mod view;
pub mod zip;
