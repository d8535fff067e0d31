//! Showing a build's progress on stderr: a bar (indicatif) when a person is
//! watching a terminal, a line per step with `--verbose`, nothing otherwise.
//!
//! The library's stages only announce a [`Step`]; this module decides how (and
//! whether) to show it, so output to a pipe or a CI log stays clean.

use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::Step;

/// How much to say while working.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

/// Receives each [`Step`] of a build and shows it.
pub struct Progress {
    bar: Option<ProgressBar>,
    verbose: bool,
    started: Instant,
    current: Option<(Step, Instant)>,
}

impl Progress {
    /// A bar only when `terminal` (stderr is one) and not quiet.
    pub fn new(verbosity: Verbosity, terminal: bool) -> Progress {
        let bar = (terminal && verbosity != Verbosity::Quiet).then(|| {
            let bar = ProgressBar::with_draw_target(
                Some(Step::ALL.len() as u64),
                ProgressDrawTarget::stderr(),
            );
            if let Ok(style) = ProgressStyle::with_template("{bar:20} {pos}/{len} {msg}") {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            verbose: verbosity == Verbosity::Verbose,
            started: Instant::now(),
            current: None,
        }
    }

    /// A step has started.
    pub fn step(&mut self, step: Step) {
        self.finish_step();
        if let Some(bar) = &self.bar {
            let done = Step::ALL.iter().position(|s| *s == step).unwrap_or(0);
            bar.set_position(done as u64);
            bar.set_message(step.label());
        }
        self.current = Some((step, Instant::now()));
    }

    fn finish_step(&mut self) {
        if let Some((step, at)) = self.current.take()
            && self.verbose
        {
            let line = format!(
                "{}: {:.0} ms",
                step.label(),
                at.elapsed().as_secs_f64() * 1000.0
            );
            match &self.bar {
                Some(bar) => bar.println(line),
                None => eprintln!("{line}"),
            }
        }
    }

    /// Clears the bar (the caller prints the closing summary); seconds since start.
    pub fn finish(mut self) -> f64 {
        self.finish_step();
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        self.started.elapsed().as_secs_f64()
    }
}
