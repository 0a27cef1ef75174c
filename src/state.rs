//! The app's reactive state: the model inputs the controls edit, the derived
//! model results, and the page settings. Components read it from context.

use std::sync::Arc;

use gap_charts::Lang;
use gap_model::{InputId, Inputs, Method, MonteCarlo, Outcome, Preset, Ranges, ValidInputs};
use leptos::prelude::*;

use crate::url_state::{PageSettings, Theme};

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
    pub chart: Option<&'static str>,
    pub controls: bool,
    /// Off while a slider is dragged, so charts follow without tweening; on
    /// again when it is released or rests for `DRAG_REST`.
    pub animate: RwSignal<bool>,
    /// Messages about ignored or repaired URL parameters, dismissible.
    pub notices: RwSignal<Vec<crate::url_state::Notice>>,
    pub view: RwSignal<View>,
    /// The reader's own inputs from before the last preset, to return to.
    pub own_inputs: RwSignal<Option<Inputs>>,
    /// Monte Carlo settings and its latest result (computed off the slider's
    /// hot path, see `components::app`). The ranges are the inputs' default
    /// spreads around their current values.
    pub ranges: Memo<Ranges>,
    pub draws: RwSignal<usize>,
    pub seed: RwSignal<u64>,
    pub monte_carlo: RwSignal<Option<MonteCarlo>>,
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
            view: RwSignal::new(View::Explorer),
            own_inputs: RwSignal::new(None),
            ranges: Memo::new(move |_| valid.with(|valid| Ranges::around(valid))),
            draws: RwSignal::new(gap_model::DEFAULT_DRAWS),
            seed: RwSignal::new(gap_model::DEFAULT_SEED),
            monte_carlo: RwSignal::new(None),
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

    pub fn set_method(&self, method: Method) {
        self.animate.set(true);
        self.schedule(move |inputs| inputs.method = method);
    }

    pub fn reset_input(&self, id: InputId) {
        self.animate.set(true);
        self.schedule(move |inputs| inputs.set_keeping_horizon(id, id.spec().default));
    }

    pub fn reset_all(&self) {
        self.animate.set(true);
        self.pending.set_value(None);
        self.inputs.set(Inputs::default());
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

#[must_use]
pub fn use_app_state() -> AppState {
    use_context::<AppState>().expect("AppState is provided by App")
}
