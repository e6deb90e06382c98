//! A drawing recorded once and replayed on any plotters backend.
//!
//! The chart is drawn against [`Recorder`], a `DrawingBackend` that keeps each
//! primitive (line, rectangle, path, circle, polygon, text) as it comes; the
//! [`Recording`] is then drawn on the real backend (the canvas on screen, SVG
//! for a download or a test) as one element. The chart's long drawing code is
//! compiled once, for the recorder, instead of once per backend: the Wasm
//! carries one copy of it (issue #11, weight), and what each backend receives is
//! exactly the calls it received before, in the same order.

use plotters::coord::Shift;
use plotters::element::{Drawable, PointCollection};
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind, DrawingBackend};
use plotters_backend::text_anchor::Pos;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontFamily, FontStyle, FontTransform};
use std::cell::RefCell;
use std::convert::Infallible;
use std::rc::Rc;

/// A stroke or fill as the backend received it.
#[derive(Clone, Copy)]
pub struct Ink {
    pub color: BackendColor,
    pub width: u32,
}

impl BackendStyle for Ink {
    fn color(&self) -> BackendColor {
        self.color
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// A text's style as the backend received it.
#[derive(Clone)]
pub struct Type {
    pub color: BackendColor,
    pub size: f64,
    pub family: String,
    pub style: FontStyle,
    pub anchor: Pos,
    pub transform: FontTransform,
}

impl BackendTextStyle for Type {
    type FontError = Infallible;
    fn color(&self) -> BackendColor {
        self.color
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn transform(&self) -> FontTransform {
        self.transform.clone()
    }
    fn style(&self) -> FontStyle {
        self.style
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    /// By name (backends read only its name; `From<&str>` would lowercase it).
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(&self.family)
    }
    /// An estimate (the chart measures its text itself, and the backends it
    /// replays on draw text natively and never ask).
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Infallible> {
        let w = (text.chars().count() as f64 * self.size * 0.6).ceil() as i32;
        Ok(((0, 0), (w, self.size.ceil() as i32)))
    }
    /// Nothing is rasterized here: every backend replayed on draws text itself.
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(&self, _: &str, _: BackendCoord, _: F) -> Result<Result<(), E>, Infallible> {
        Ok(Ok(()))
    }
}

/// One primitive, in the recorder's pixels.
#[derive(Clone)]
pub enum Op {
    Pixel(BackendCoord, BackendColor),
    Line(BackendCoord, BackendCoord, Ink),
    Rect(BackendCoord, BackendCoord, Ink, bool),
    Path(Vec<BackendCoord>, Ink),
    Circle(BackendCoord, u32, Ink, bool),
    Polygon(Vec<BackendCoord>, Ink),
    Text(String, Type, BackendCoord),
}

/// A backend that draws nothing and keeps every primitive.
pub struct Recorder {
    size: (u32, u32),
    ops: Rc<RefCell<Vec<Op>>>,
}

/// What a [`Recorder`] kept: drawn on another area with `area.draw(&recording)`.
#[derive(Clone, Default)]
pub struct Recording {
    pub ops: Vec<Op>,
}

impl Recorder {
    /// A recorder of `size` pixels, and the handle its primitives end up behind.
    pub fn new(size: (u32, u32)) -> (Recorder, Rc<RefCell<Vec<Op>>>) {
        let ops = Rc::new(RefCell::new(Vec::new()));
        (Recorder { size, ops: ops.clone() }, ops)
    }

    fn push(&mut self, op: Op) -> Result<(), DrawingErrorKind<Infallible>> {
        self.ops.borrow_mut().push(op);
        Ok(())
    }
}

fn ink<S: BackendStyle>(s: &S) -> Ink {
    Ink { color: s.color(), width: s.stroke_width() }
}

impl DrawingBackend for Recorder {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<Infallible>> {
        self.push(Op::Pixel(point, color))
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<Infallible>> {
        self.push(Op::Line(from, to, ink(style)))
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, style: &S, fill: bool) -> Result<(), DrawingErrorKind<Infallible>> {
        self.push(Op::Rect(a, b, ink(style), fill))
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), DrawingErrorKind<Infallible>> {
        self.push(Op::Path(path.into_iter().collect(), ink(style)))
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, style: &S, fill: bool) -> Result<(), DrawingErrorKind<Infallible>> {
        self.push(Op::Circle(c, r, ink(style), fill))
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result<(), DrawingErrorKind<Infallible>> {
        self.push(Op::Polygon(vert.into_iter().collect(), ink(style)))
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Result<(), DrawingErrorKind<Infallible>> {
        let kept = Type {
            color: style.color(),
            size: style.size(),
            family: style.family().as_str().to_string(),
            style: style.style(),
            anchor: style.anchor(),
            transform: style.transform(),
        };
        self.push(Op::Text(text.to_string(), kept, pos))
    }
    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        let w = (text.chars().count() as f64 * style.size() * 0.6).ceil() as u32;
        Ok((w, style.size().ceil() as u32))
    }
}

/// Draws on a recorder of `size` pixels with `paint`: what `paint` returned and
/// the recording.
pub fn record<T>(
    size: (u32, u32),
    paint: impl FnOnce(&DrawingArea<Recorder, Shift>) -> Result<T, DrawingAreaErrorKind<Infallible>>,
) -> Result<(T, Recording), DrawingAreaErrorKind<Infallible>> {
    let (recorder, ops) = Recorder::new(size);
    let out = {
        let root = plotters::prelude::IntoDrawingArea::into_drawing_area(recorder);
        paint(&root)?
    };
    let recording = Recording { ops: std::mem::take(&mut *ops.borrow_mut()) };
    Ok((out, recording))
}

/// Draws on a recorder the size of `area` with `paint`, then the recording on
/// `area`; `paint`'s errors can only be the drawing area's own (the recorder
/// never fails), and are given as `area`'s.
pub fn record_then_draw<DB: DrawingBackend, T>(
    area: &DrawingArea<DB, Shift>,
    paint: impl FnOnce(&DrawingArea<Recorder, Shift>) -> Result<T, DrawingAreaErrorKind<Infallible>>,
) -> Result<T, DrawingAreaErrorKind<DB::ErrorType>> {
    let (out, recording) = match record(area.dim_in_pixel(), paint) {
        Ok(x) => x,
        Err(DrawingAreaErrorKind::SharingError) => return Err(DrawingAreaErrorKind::SharingError),
        Err(DrawingAreaErrorKind::LayoutError) => return Err(DrawingAreaErrorKind::LayoutError),
        Err(DrawingAreaErrorKind::BackendError(DrawingErrorKind::FontError(e))) => {
            return Err(DrawingAreaErrorKind::BackendError(DrawingErrorKind::FontError(e)))
        }
        Err(DrawingAreaErrorKind::BackendError(DrawingErrorKind::DrawingError(never))) => match never {},
    };
    area.draw(&recording)?;
    area.present()?;
    Ok(out)
}

impl Recording {
    /// Every text's size times `k` (SVG: plotters writes a text's `font-size` as its size / 1.24).
    pub fn scale_text(&mut self, k: f64) {
        for op in &mut self.ops {
            if let Op::Text(_, t, _) = op {
                t.size *= k;
            }
        }
    }
}

/// A part of a recording, as a backend best draws it.
pub enum Piece<'a> {
    /// Primitives to replay one by one.
    Ops(&'a [Op]),
    /// Opaque paths in one ink, one after another (a dashed line's dashes): one
    /// stroke of several pieces draws what stroking each did, in one call.
    Paths(Vec<&'a [BackendCoord]>, Ink),
}

impl Recording {
    /// The recording in [`Piece`]s, in order.
    pub fn pieces(&self) -> Vec<Piece<'_>> {
        let same = |a: &Op, b: &Op| match (a, b) {
            (Op::Path(_, x), Op::Path(_, y)) => x.color.alpha >= 1.0 && x.color.rgb == y.color.rgb && x.color.alpha == y.color.alpha && x.width == y.width,
            _ => false,
        };
        let mut out = Vec::new();
        let (mut i, mut plain) = (0, 0);
        while i < self.ops.len() {
            let mut j = i + 1;
            while j < self.ops.len() && same(&self.ops[i], &self.ops[j]) {
                j += 1;
            }
            if let (true, Op::Path(_, ink)) = (j - i > 1, &self.ops[i]) {
                if plain < i {
                    out.push(Piece::Ops(&self.ops[plain..i]));
                }
                let paths = self.ops[i..j].iter().filter_map(|o| if let Op::Path(p, _) = o { Some(p.as_slice()) } else { None }).collect();
                out.push(Piece::Paths(paths, *ink));
                plain = j;
            }
            i = j;
        }
        if plain < self.ops.len() {
            out.push(Piece::Ops(&self.ops[plain..]));
        }
        out
    }
}

/// Some of a recording's primitives, drawn as one element (see [`Recording::pieces`]).
pub struct Ops<'a>(pub &'a [Op]);

impl<'a, 'b> PointCollection<'a, BackendCoord> for &'a Ops<'b> {
    type Point = &'a BackendCoord;
    type IntoIter = std::iter::Once<&'a BackendCoord>;
    fn point_iter(self) -> Self::IntoIter {
        const ORIGIN: BackendCoord = (0, 0);
        std::iter::once(&ORIGIN)
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Ops<'_> {
    fn draw<I: Iterator<Item = BackendCoord>>(&self, pos: I, b: &mut DB, dim: (u32, u32)) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        replay(self.0, pos, b, dim)
    }
}

/// The recording's one point is its origin: where the area it is drawn on
/// starts in its backend's pixels.
impl<'a> PointCollection<'a, BackendCoord> for &'a Recording {
    type Point = &'a BackendCoord;
    type IntoIter = std::iter::Once<&'a BackendCoord>;
    fn point_iter(self) -> Self::IntoIter {
        const ORIGIN: BackendCoord = (0, 0);
        std::iter::once(&ORIGIN)
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Recording {
    fn draw<I: Iterator<Item = BackendCoord>>(&self, pos: I, b: &mut DB, dim: (u32, u32)) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        replay(&self.ops, pos, b, dim)
    }
}

/// Draws `ops` on `b`, moved to where the area drawn on starts (`pos`'s first point).
fn replay<DB: DrawingBackend, I: Iterator<Item = BackendCoord>>(
    ops: &[Op],
    mut pos: I,
    b: &mut DB,
    _: (u32, u32),
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let (dx, dy) = pos.next().unwrap_or((0, 0));
    let at = |p: BackendCoord| (p.0 + dx, p.1 + dy);
    for op in ops {
        match op {
            Op::Pixel(p, c) => b.draw_pixel(at(*p), *c)?,
            Op::Line(p, q, s) => b.draw_line(at(*p), at(*q), s)?,
            Op::Rect(p, q, s, fill) => b.draw_rect(at(*p), at(*q), s, *fill)?,
            Op::Path(ps, s) => b.draw_path(ps.iter().map(|p| at(*p)), s)?,
            Op::Circle(p, r, s, fill) => b.draw_circle(at(*p), *r, s, *fill)?,
            Op::Polygon(ps, s) => b.fill_polygon(ps.iter().map(|p| at(*p)), s)?,
            Op::Text(text, style, p) => b.draw_text(text, style, at(*p))?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::record_then_draw;
    use plotters::coord::Shift;
    use plotters::prelude::*;

    /// The same primitives drawn straight on SVG and through a recording give the same SVG.
    #[test]
    fn a_recording_draws_what_was_drawn() {
        fn picture<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
            root.fill(&WHITE)?;
            root.draw(&PathElement::new(vec![(1, 2), (30, 40), (50, 10)], RED.stroke_width(2)))?;
            root.draw(&Rectangle::new([(5, 5), (20, 25)], BLUE.mix(0.5).filled()))?;
            root.draw(&Circle::new((40, 40), 4, GREEN.filled()))?;
            root.draw(&Text::new("ORCL 245", (10, 50), ("sans-serif", 12.0).into_font().color(&BLACK)))?;
            root.draw(&plotters::element::DashedPathElement::new(vec![(0, 60), (80, 60)], 4, 3, BLACK.stroke_width(1)))?;
            Ok(())
        }
        let mut direct = String::new();
        {
            let root = SVGBackend::with_string(&mut direct, (80, 70)).into_drawing_area();
            picture(&root).unwrap();
            root.present().unwrap();
        }
        let mut replayed = String::new();
        {
            let root = SVGBackend::with_string(&mut replayed, (80, 70)).into_drawing_area();
            record_then_draw(&root, picture).unwrap();
        }
        assert!(direct.contains("<text") && direct.contains("<polyline"), "{direct}");
        assert_eq!(direct, replayed);
    }

    /// A dashed line's dashes come as one piece of several paths; the rest keeps its order.
    #[test]
    fn dashes_in_one_ink_are_one_piece() {
        use super::{record, Piece};
        let (_, rec) = record((100, 100), |r| {
            r.draw(&Circle::new((5, 5), 2, RED.filled()))?;
            r.draw(&plotters::element::DashedPathElement::new(vec![(0, 50), (100, 50)], 4, 6, BLACK.stroke_width(1)))?;
            r.draw(&PathElement::new(vec![(0, 0), (9, 9)], BLUE.mix(0.5).stroke_width(1)))?;
            r.draw(&PathElement::new(vec![(0, 0), (9, 9)], BLUE.mix(0.5).stroke_width(1)))?;
            r.draw(&PathElement::new(vec![(1, 1), (2, 2)], GREEN.stroke_width(2)))
        })
        .unwrap();
        let kinds: Vec<String> = rec
            .pieces()
            .iter()
            .map(|p| match p {
                Piece::Ops(ops) => format!("ops {}", ops.len()),
                Piece::Paths(paths, ink) => format!("paths {} {:?}", paths.len(), ink.color.rgb),
            })
            .collect();
        // The circle; ten dashes in one piece; the two translucent paths and the green one as they came.
        assert_eq!(kinds, ["ops 1", "paths 10 (0, 0, 0)", "ops 3"]);
    }

    /// On an area that does not start at the backend's corner, the recording moves with it.
    #[test]
    fn a_recording_lands_where_its_area_is() {
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (100, 100)).into_drawing_area();
            let (_, right) = root.split_horizontally(60);
            record_then_draw(&right, |r| r.draw(&Circle::new((5, 7), 3, RED.filled()))).unwrap();
        }
        assert!(svg.contains(r#"cx="65" cy="7""#), "{svg}");
    }
}
