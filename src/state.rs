//! The app's reactive state: the model inputs the controls edit, the derived
//! model results, and the page settings. Components read it from context.

use std::sync::Arc;

use gap_charts::Lang;
use gap_model::{
    spread_limits, Distribution, InputId, Inputs, Method, MonteCarlo, Outcome, Preset,
    RangeSetting, Ranges, Spread, Uncertainty, ValidInputs,
};
use leptos::prelude::*;

use crate::url_state::{PageSettings, Theme};

/// What the derivation panel explains, and the element that asked: the
/// focus returns to it when the panel closes.
#[derive(Clone, Debug, PartialEq)]
pub struct Asked {
    pub question: gap_model::Question,
    /// A CSS selector: a readout's "how?" button, or a chart.
    pub asker: String,
}

/// Which main view is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Explorer,
    Sources,
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// What the controls show. Always within each input's range: every writer clamps.
    pub inputs: RwSignal<Inputs>,
    /// The last inputs that passed validation (a start after the end is the
    /// one combination clamping cannot rule out).
    pub valid: Memo<ValidInputs>,
    pub outcome: Memo<Outcome>,
    pub lang: RwSignal<Lang>,
    /// Whether the language was asked for (URL or switcher) and so belongs in the URL.
    pub lang_chosen: RwSignal<bool>,
    /// The `theme` parameter, if the URL forced one.
    pub theme: Option<Theme>,
    pub dark: RwSignal<bool>,
    /// `embed`, `chart` and `controls` as read from the URL (kept in it).
    pub embed: bool,
    pub chart: Option<gap_charts::ChartId>,
    pub controls: bool,
    /// Off while a slider is dragged, so charts follow without tweening; on
    /// again when it is released or rests for `DRAG_REST`.
    pub animate: RwSignal<bool>,
    /// Messages about ignored or repaired URL parameters, dismissible.
    pub notices: RwSignal<Vec<crate::url_state::Notice>>,
    /// Changed through `show`, `toggle_sources` and `show_figure`.
    pub view: RwSignal<View>,
    /// The figure of the Sources view a link or a chart points to
    /// (`figure=`): highlighted and scrolled to. Only with the Sources view.
    pub figure: RwSignal<Option<&'static str>>,
    /// The reader's own inputs from before the last preset, to return to.
    pub own_inputs: RwSignal<Option<Inputs>>,
    /// What the Monte Carlo draws from: ranges (spreads around the current
    /// values), their shapes, the correlation, draws and seed. Changed only
    /// through the `set_range…`, `set_correlation`, `set_draws` and
    /// `set_seed` methods.
    pub uncertainty: RwSignal<Uncertainty>,
    /// The absolute ranges around the current inputs, for the Monte Carlo
    /// and the tornado.
    pub ranges: Memo<Ranges>,
    /// The latest Monte Carlo result (computed off the slider's hot path,
    /// see `components::app`).
    pub monte_carlo: RwSignal<Option<MonteCarlo>>,
    /// What the derivation panel shows, if it is open. Changed through
    /// `ask` and `close_derivation`.
    pub asked: RwSignal<Option<Asked>>,
    /// Inputs edited after this frame's run, applied at the frame's end.
    pending: StoredValue<Option<Inputs>, LocalStorage>,
    /// Whether the inputs changed in the current animation frame.
    frame_busy: StoredValue<bool, LocalStorage>,
    /// Ends a drag that rests without a release (see `animate`): debounced.
    end_drag_after_rest: StoredValue<Arc<dyn Fn() + Send + Sync>>,
}

/// How long live edits must pause before the drag counts as over: charts
/// the drag left alone (off screen) then catch up.
pub const DRAG_REST: std::time::Duration = std::time::Duration::from_millis(200);

/// How long the inputs must rest before the Monte Carlo run starts.
pub const MONTE_CARLO_DEBOUNCE_MS: u64 = 250;

impl AppState {
    #[must_use]
    pub fn new(settings: PageSettings) -> AppState {
        let inputs = RwSignal::new(settings.inputs);
        let valid = Memo::new(move |previous: Option<&ValidInputs>| {
            inputs
                .with(|current| current.validate().ok())
                .unwrap_or_else(|| previous.cloned().unwrap_or_default())
        });
        let outcome = Memo::new(move |_| valid.with(gap_model::run));
        let animate = RwSignal::new(true);
        let uncertainty = RwSignal::new(settings.uncertainty);
        let end_drag = leptos_use::use_debounce_fn(
            move || {
                if animate.try_get_untracked() == Some(false) {
                    animate.try_set(true);
                }
            },
            DRAG_REST.as_millis() as f64,
        );
        AppState {
            inputs,
            valid,
            outcome,
            lang: RwSignal::new(settings.lang),
            lang_chosen: RwSignal::new(settings.lang_in_url),
            theme: settings.theme,
            dark: RwSignal::new(settings.dark),
            embed: settings.embed,
            chart: settings.chart,
            controls: settings.controls,
            animate,
            notices: RwSignal::new(settings.notices),
            view: RwSignal::new(if settings.sources {
                View::Sources
            } else {
                View::Explorer
            }),
            figure: RwSignal::new(settings.figure),
            own_inputs: RwSignal::new(None),
            uncertainty,
            ranges: Memo::new(move |_| {
                valid.with(|valid| uncertainty.with(|uncertainty| uncertainty.ranges(valid)))
            }),
            monte_carlo: RwSignal::new(None),
            asked: RwSignal::new(None),
            pending: StoredValue::new_local(None),
            frame_busy: StoredValue::new_local(false),
            end_drag_after_rest: StoredValue::new(Arc::new(move || {
                end_drag();
            })),
        }
    }

    /// Changes one input as a slider drag does: at most one model run per
    /// animation frame, without chart animation.
    pub fn edit_live(&self, id: InputId, value: f64) {
        self.apply_edit(id, value, false);
    }

    /// Changes one input as a button does: charts animate to the new state.
    pub fn edit(&self, id: InputId, value: f64) {
        self.apply_edit(id, value, true);
    }

    fn apply_edit(&self, id: InputId, value: f64, animate: bool) {
        let Some(value) = gap_model::clamp_to_spec(id, value) else {
            return;
        };
        self.animate.set(animate);
        if !animate {
            self.end_drag_after_rest.with_value(|end_drag| end_drag());
        }
        self.own_inputs.set(None);
        self.schedule(move |inputs| inputs.set_keeping_horizon(id, value));
    }

    /// The slider was released: charts animate again, and those a drag left
    /// alone (off screen) catch up.
    pub fn finish_drag(&self) {
        self.animate.set(true);
    }

    /// Shows the explorer or the Sources view (without a figure pointed at).
    pub fn show(&self, view: View) {
        self.figure.set(None);
        self.view.set(view);
    }

    /// The Sources view with `figure` (a dataset id) highlighted.
    pub fn show_figure(&self, figure: &'static str) {
        self.figure.set(Some(figure));
        self.view.set(View::Sources);
    }

    /// The header's Sources button: to the Sources view and back.
    pub fn toggle_sources(&self) {
        let view = if self.view.get_untracked() == View::Sources {
            View::Explorer
        } else {
            View::Sources
        };
        self.show(view);
    }

    /// Opens the derivation panel on `question`, asked by the element
    /// `asker` selects; asked again by the same element, closes it.
    pub fn ask(&self, question: gap_model::Question, asker: String) {
        self.asked.update(|asked| {
            *asked = match asked {
                Some(open) if open.question == question && open.asker == asker => None,
                _ => Some(Asked { question, asker }),
            };
        });
    }

    /// Closes the derivation panel; returns who had asked, for the focus.
    pub fn close_derivation(&self) -> Option<String> {
        let asker = self.asked.get_untracked().map(|asked| asked.asker);
        self.asked.set(None);
        asker
    }

    /// The reader has read the notices.
    pub fn dismiss_notices(&self) {
        self.notices.set(Vec::new());
    }

    /// Draws the Monte Carlo again whenever the inputs, their ranges or the
    /// uncertainty settings change and then rest for
    /// `MONTE_CARLO_DEBOUNCE_MS`, so a slider drag never waits for 10,000
    /// scenarios. Called once, by the app.
    pub fn run_monte_carlo_when_idle(&self) {
        let state = *self;
        let run = leptos_use::use_debounce_fn(
            move || {
                let (draws, seed) = state.uncertainty.with_untracked(|u| (u.draws(), u.seed()));
                let drawn = state.valid.with_untracked(|valid| {
                    state
                        .ranges
                        .with_untracked(|ranges| gap_model::monte_carlo(valid, ranges, draws, seed))
                });
                state.monte_carlo.set(Some(drawn));
            },
            MONTE_CARLO_DEBOUNCE_MS as f64,
        );
        Effect::new(move |_| {
            state.valid.track();
            state.ranges.track();
            state.uncertainty.track();
            run();
        });
    }

    /// The reader picks a language: the page switches and the URL keeps it.
    pub fn choose_lang(&self, lang: Lang) {
        self.lang.set(lang);
        self.lang_chosen.set(true);
    }

    pub fn set_method(&self, method: Method) {
        self.animate.set(true);
        self.schedule(move |inputs| inputs.method = method);
    }

    pub fn reset_input(&self, id: InputId) {
        self.animate.set(true);
        self.schedule(move |inputs| inputs.set_keeping_horizon(id, id.spec().default));
    }

    /// Every input and every uncertainty setting back to its default.
    pub fn reset_all(&self) {
        self.animate.set(true);
        self.pending.set_value(None);
        self.inputs.set(Inputs::default());
        self.uncertainty.set(Uncertainty::default());
    }

    /// Moves one end of `id`'s range to `typed` (absolute, in its unit),
    /// keeping the other end's spread exactly and the shape; switches the
    /// input on if it was off.
    ///
    /// # Errors
    /// When `typed` is not a number inside the input's allowed range, is on
    /// the wrong side of the current value, cannot be a spread (a percentage
    /// of a value of 0), or reaches beyond `spread_limits`: nothing changes.
    pub fn set_range_end(
        &self,
        id: InputId,
        end: RangeEnd,
        typed: f64,
    ) -> Result<(), RangeEditError> {
        let spec = id.spec();
        let value = self.inputs.with_untracked(|inputs| inputs.get(id));
        // NaN is in no range.
        if !(spec.min..=spec.max).contains(&typed) {
            return Err(RangeEditError::OutsideAllowed);
        }
        let wrong_side = match end {
            RangeEnd::Low => typed > value,
            RangeEnd::High => typed < value,
        };
        if wrong_side {
            return Err(RangeEditError::MissesValue);
        }
        let current = self
            .uncertainty
            .with_untracked(|u| u.get(id))
            .or_else(|| Uncertainty::switched_on_setting(id, value))
            .ok_or(RangeEditError::OutsideAllowed)?;
        // A one-point range's spread is the offset of that point.
        let offset = RangeSetting::spread_for(id, value, (typed, typed))
            .ok_or(RangeEditError::PercentOfZero)?
            .below;
        let spread = match end {
            RangeEnd::Low => Spread {
                below: offset,
                above: current.spread.above,
            },
            RangeEnd::High => Spread {
                below: current.spread.below,
                above: offset,
            },
        };
        let (min, max) = spread_limits(id);
        if spread.below < min || spread.above > max {
            return Err(RangeEditError::TooWide);
        }
        self.set_range(id, Some(RangeSetting { spread, ..current }));
        Ok(())
    }

    /// Changes `id`'s distribution (switching it on if it was off).
    pub fn set_distribution(&self, id: InputId, distribution: Distribution) {
        let current = self.uncertainty.with_untracked(|u| u.get(id)).or_else(|| {
            let value = self.inputs.with_untracked(|inputs| inputs.get(id));
            Uncertainty::switched_on_setting(id, value)
        });
        if let Some(setting) = current {
            self.set_range(
                id,
                Some(RangeSetting {
                    distribution,
                    ..setting
                }),
            );
        }
    }

    /// Switches `id`'s uncertainty off, or on with its default range.
    pub fn switch_range(&self, id: InputId, on: bool) {
        let setting = on.then(|| {
            let value = self.inputs.with_untracked(|inputs| inputs.get(id));
            Uncertainty::switched_on_setting(id, value)
        });
        self.set_range(id, setting.flatten());
    }

    pub fn reset_range(&self, id: InputId) {
        self.set_range(id, Uncertainty::default_setting(id));
    }

    fn set_range(&self, id: InputId, setting: Option<RangeSetting>) {
        self.animate.set(true);
        self.uncertainty.update(|u| u.set(id, setting));
    }

    pub fn set_correlation(&self, rho: f64) {
        self.uncertainty.update(|u| u.set_correlation(rho));
    }

    pub fn set_draws(&self, draws: usize) {
        self.uncertainty.update(|u| u.set_draws(draws));
    }

    pub fn set_seed(&self, seed: u64) {
        self.uncertainty.update(|u| u.set_seed(seed));
    }

    pub fn apply_preset(&self, preset: &Preset) {
        if self.own_inputs.get_untracked().is_none() {
            self.own_inputs.set(Some(self.inputs.get_untracked()));
        }
        self.animate.set(true);
        self.pending.set_value(None);
        self.inputs.set(preset.apply());
    }

    pub fn restore_own_inputs(&self) {
        if let Some(own) = self.own_inputs.get_untracked() {
            self.animate.set(true);
            self.pending.set_value(None);
            self.inputs.set(own);
            self.own_inputs.set(None);
        }
    }

    /// Applies an edit at once when no edit ran in this animation frame, so
    /// the first input of a frame redraws without waiting for the next one;
    /// later edits in the same frame are folded into one run at its end.
    fn schedule(&self, edit: impl FnOnce(&mut Inputs)) {
        if self.frame_busy.get_value() {
            let mut next = self
                .pending
                .with_value(Clone::clone)
                .unwrap_or_else(|| self.inputs.get_untracked());
            edit(&mut next);
            self.pending.set_value(Some(next));
            return;
        }
        self.frame_busy.set_value(true);
        self.inputs.update(edit);
        self.release_frame_later();
    }

    fn release_frame_later(self) {
        request_animation_frame(move || {
            match self.pending.try_update_value(Option::take).flatten() {
                Some(next) => {
                    self.inputs.set(next);
                    self.release_frame_later();
                }
                None => {
                    self.frame_busy.try_set_value(false);
                }
            }
        });
    }
}

/// Which end of a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeEnd {
    Low,
    High,
}

/// Why a typed range end was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeEditError {
    /// Not a number inside the input's allowed range.
    OutsideAllowed,
    /// The range would leave out the current value.
    MissesValue,
    /// The input's range is a percentage of its value, which is 0.
    PercentOfZero,
    /// Farther from the value than a range may reach (`spread_limits`).
    TooWide,
}

#[must_use]
pub fn use_app_state() -> AppState {
    use_context::<AppState>().expect("AppState is provided by App")
}
