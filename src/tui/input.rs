//! The terminal's events (keys, mouse, resizes), read on a thread of their
//! own and sent to the event loop's channel, so that the loop can block on
//! the channel alone. While the terminal is lent (Ctrl-z, `$PAGER`) the
//! thread stops reading, so that the program run gets every key.

use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use crossterm::event;

use super::background::Msg;

/// How long one wait for an event lasts before the thread looks whether it
/// is asked to pause: a read cannot be called off once it has begun, a
/// wait with a limit can.
const WAIT: Duration = Duration::from_millis(100);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Reading,
    /// The loop asked for a pause and waits until the reader has stopped.
    PauseAsked,
    Paused,
    /// The terminal failed or the loop is gone: nothing more will be read.
    Ended,
}

/// The thread that reads the terminal, and the switch that pauses it.
pub struct Input {
    state: Arc<(Mutex<State>, Condvar)>,
}

impl Input {
    /// Starts reading the terminal; every event goes to `tx`.
    pub fn spawn(tx: Sender<Msg>) -> Self {
        let state = Arc::new((Mutex::new(State::Reading), Condvar::new()));
        let shared = Arc::clone(&state);
        std::thread::spawn(move || {
            read_events(&shared, &tx);
            let (lock, wake) = &*shared;
            *locked(lock) = State::Ended;
            wake.notify_all();
        });
        Self { state }
    }

    /// Stops reading; returns once the thread reads no more.
    pub fn pause(&self) {
        let (lock, wake) = &*self.state;
        let mut state = locked(lock);
        if *state == State::Reading {
            *state = State::PauseAsked;
        }
        while *state == State::PauseAsked {
            state = wake.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Reads again after a pause.
    pub fn resume(&self) {
        let (lock, wake) = &*self.state;
        let mut state = locked(lock);
        if *state == State::Paused {
            *state = State::Reading;
            wake.notify_all();
        }
    }
}

fn locked(lock: &Mutex<State>) -> MutexGuard<'_, State> {
    lock.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Sends the terminal's events until it fails or the loop has gone,
/// stopping while a pause is asked for.
fn read_events(shared: &(Mutex<State>, Condvar), tx: &Sender<Msg>) {
    let (lock, wake) = shared;
    loop {
        {
            let mut state = locked(lock);
            while *state != State::Reading {
                if *state == State::PauseAsked {
                    *state = State::Paused;
                    wake.notify_all();
                }
                state = wake.wait(state).unwrap_or_else(PoisonError::into_inner);
            }
        }
        match event::poll(WAIT) {
            Ok(true) => match event::read() {
                Ok(ev) => {
                    if tx.send(Msg::Input(ev)).is_err() {
                        return;
                    }
                }
                Err(_) => return,
            },
            Ok(false) => {}
            Err(_) => return,
        }
    }
}
