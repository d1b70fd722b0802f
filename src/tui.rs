//! The reader in a real terminal: set up and give back the terminal (on
//! quit, error, panic and every signal that ends or stops the process:
//! [`ENDING`], and SIGTSTP, which suspends like Ctrl-z), run the event
//! loop, suspend on Ctrl-z. The terminal is taken first and the articles load
//! behind it ([`background`]), so the first frame comes at once. The loop
//! blocks on one channel: the terminal's events ([`input`]), the workers'
//! results and the signals all arrive there, so it wakes only when there
//! is something to do.

mod background;
mod input;
mod saving;
mod search_worker;

use std::io::{IsTerminal, Stdout, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use anyhow::Result;
use crossterm::clipboard::CopyToClipboard;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2};

use crate::config::Config;
use background::{Msg, Work};
use input::Input;
use saving::Saver;

/// Longest the event loop spends taking waiting messages before it draws again.
const RECEIVE_BUDGET: Duration = Duration::from_millis(30);
/// How often the reading state is saved, at most, while it changes.
const SAVE_EVERY: Duration = Duration::from_secs(1);
/// Events handled between two frames at most.
const MAX_EVENTS_PER_FRAME: usize = 256;
/// How long the event loop may stay away, after a signal or with its
/// terminal gone, before the watchdog ends the process.
const STUCK_FOR: Duration = Duration::from_secs(2);

/// The signals that end the reader (their default would end the process
/// with the terminal still taken): each stops the event loop, which gives
/// the terminal back and saves the reading state.
const ENDING: [i32; 6] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2];

/// Runs the reader on `paths` (the bundled articles when empty); returns
/// when the person quits or a signal arrives.
pub fn run(
    paths: Vec<std::path::PathBuf>,
    config: Config,
    keep_state: bool,
    cache: bool,
) -> Result<ExitCode> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!(
            "dossier: the reader needs a terminal; without one, use `dossier render`, `dossier facts` or `dossier facts --json`"
        );
        return Ok(ExitCode::from(2));
    }
    let (w, h) = crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = crate::render::empty_app((w, h));
    app.configure(config);
    let (mut saver, state) = Saver::open(keep_state);
    app.corrections.load(std::mem::take(&mut saver.corrections));
    app.corrections.unkept = !saver.keeps();
    app.restore(&state);
    drop(state);
    if let Some(notice) = saver.notice.take() {
        app.note = Some(notice);
    }
    let stop = Arc::new(AtomicBool::new(false));
    for signal in ENDING {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut work = Work::start(paths, cache, &mut app);
    spawn_signal_waker(work.sender())?;
    let heartbeat = Arc::new(AtomicU64::new(0));
    spawn_watchdog(Arc::clone(&stop), Arc::clone(&heartbeat), work.sender());
    install_panic_hook();
    let mut terminal = enter()?;
    let input = Input::spawn(work.sender());
    let looping = Looping { stop: &stop, heartbeat: &heartbeat, input: &input };
    let result = event_loop(&mut terminal, &mut app, &looping, &mut saver, &mut work);
    // Nothing more is read: what is typed from now on is the shell's.
    input.pause();
    leave();
    // Flushed on quit, on error and on signals alike.
    if let Some(notice) = saver.close(&app) {
        eprintln!("dossier: {notice}");
    }
    result.map(|()| ExitCode::SUCCESS)
}

/// What the event loop watches besides the app: the stop flag (set by a
/// signal or a lost terminal), the heartbeat the watchdog listens to, and
/// the thread reading the terminal (paused while the terminal is lent).
struct Looping<'a> {
    stop: &'a AtomicBool,
    heartbeat: &'a AtomicU64,
    input: &'a Input,
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut crate::app::App,
    looping: &Looping,
    marks: &mut Saver,
    work: &mut Work,
) -> Result<()> {
    let mut mouse = app.mouse;
    let (mut saved, mut saved_at) = (app.revision, Instant::now());
    while !app.quit && !looping.stop.load(Ordering::Relaxed) {
        looping.heartbeat.fetch_add(1, Ordering::Relaxed);
        // A terminal that went away without a signal (its window closed
        // under it) can no longer report its size: stop rather than spin.
        if crossterm::terminal::size().is_err() {
            break;
        }
        marks.track(app);
        // Saved at most once a second while keys come, so scrolling stays
        // cheap; each change is one row, written off this thread.
        if app.revision != saved && saved_at.elapsed() >= SAVE_EVERY {
            if let Some(notice) = marks.save(app) {
                app.note = Some(notice);
            }
            (saved, saved_at) = (app.revision, Instant::now());
        }
        work.feed(app);
        work.after_update(app);
        terminal.draw(|f| crate::ui::render(app, f))?;
        // Block until something comes; wake for a save that is due.
        let due = (app.revision != saved).then(|| saved_at + SAVE_EVERY);
        let Some(first) = work.next(due) else { continue };
        take(first, app, work, marks, terminal)?;
        // Take what else is waiting (a bounded number, for a bounded time)
        // before drawing again; a signal ends the loop at once, even when
        // the terminal is gone and reports events forever.
        let deadline = Instant::now() + RECEIVE_BUDGET;
        for _ in 0..MAX_EVENTS_PER_FRAME {
            if app.quit || looping.stop.load(Ordering::Relaxed) || Instant::now() >= deadline {
                break;
            }
            let Some(msg) = work.try_next() else { break };
            take(msg, app, work, marks, terminal)?;
        }
        if let Some(text) = app.clipboard.take() {
            write_clipboard(&text)?;
        }
        if app.mouse != mouse {
            mouse = app.mouse;
            if mouse {
                execute!(std::io::stdout(), EnableMouseCapture)?;
            } else {
                execute!(std::io::stdout(), DisableMouseCapture)?;
            }
        }
        if let Some(target) = app.open_source.take() {
            // The program run has the terminal's input to itself meanwhile.
            looping.input.pause();
            open_source(app, &target, app.mouse);
            looping.input.resume();
            redraw_all(terminal)?;
        }
        if app.suspend {
            app.suspend = false;
            looping.input.pause();
            let result = suspend(terminal, app.mouse);
            looping.input.resume();
            result?;
            let (w, h) = crossterm::terminal::size()?;
            app.resize(w, h);
        }
    }
    Ok(())
}

/// Hands one message to the app: the terminal's events and the signals
/// here, the workers' results through [`Work::apply`] (a load or reload
/// also through the reading-state writer).
fn take(
    msg: Msg,
    app: &mut crate::app::App,
    work: &mut Work,
    saver: &mut Saver,
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
) -> Result<()> {
    match msg {
        Msg::Reloaded(..) => {
            saver.save(app);
            work.apply(app, msg);
            saver.reset(app);
        }
        Msg::Loaded(..) => {
            work.apply(app, msg);
            saver.loaded(app);
        }
        Msg::Input(Event::Key(key)) if key.kind != KeyEventKind::Release => app.handle_key(key),
        Msg::Input(Event::Mouse(m)) => app.handle_mouse(m),
        Msg::Input(Event::Resize(w, h)) => app.resize(w, h),
        // The stop flag is set already; the message only wakes the loop.
        Msg::Input(_) | Msg::Stop => {}
        // SIGTSTP from another process: suspend as on Ctrl-z.
        Msg::Suspend => app.suspend = true,
        // Continued after a stop the reader could not see coming (SIGSTOP):
        // the shell may have changed the terminal meanwhile.
        Msg::Continue => {
            reenter(terminal, app.mouse)?;
            let (w, h) = crossterm::terminal::size()?;
            app.resize(w, h);
        }
        other => work.apply(app, other),
    }
    Ok(())
}

/// Wakes the event loop when a signal comes (for the ending ones, the flag
/// the signal handler sets says what to do, but a loop blocked on its
/// channel would not look), and tells it to suspend on SIGTSTP and to take
/// the terminal again on SIGCONT.
fn spawn_signal_waker(wake: Sender<Msg>) -> Result<()> {
    let mut signals =
        signal_hook::iterator::Signals::new(ENDING.iter().chain(&[SIGTSTP, SIGCONT]))?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            let msg = match signal {
                SIGTSTP => Msg::Suspend,
                SIGCONT => Msg::Continue,
                _ => Msg::Stop,
            };
            if wake.send(msg).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// Asks the terminal to put `text` on the clipboard (OSC 52); terminals
/// that do not support it ignore the sequence.
fn write_clipboard(text: &str) -> Result<()> {
    execute!(std::io::stdout(), CopyToClipboard::to_clipboard_from(text))?;
    Ok(())
}

/// Raw mode, alternate screen, mouse capture, hidden cursor.
fn enter() -> Result<Terminal<CrosstermBackend<Stdout>>> {
    enable_raw_mode()?;
    let mut out = std::io::stdout();
    if let Err(e) = execute!(out, EnterAlternateScreen, EnableMouseCapture, cursor::Hide) {
        leave();
        return Err(e.into());
    }
    let mut terminal = Terminal::new(CrosstermBackend::new(out))?;
    redraw_all(&mut terminal)?;
    Ok(terminal)
}

/// Watches over the event loop from a thread of its own. A terminal that
/// has gone away without a signal (its window closed under it) stops the
/// loop as a signal would, so the reading state is saved. And it ends the
/// process when the loop is stuck where it cannot see a signal or a lost
/// terminal: crossterm's input reading spins for ever on a terminal that
/// has hung up (every read returns nothing at once), so a SIGHUP or a
/// closed window could leave the reader running. The loop beats once a
/// round; after a stop, a loop silent for [`STUCK_FOR`] means it will not
/// come back. The reading state is then as the last save left it (a second
/// old at most). A slow frame alone never ends the reader: only a stop
/// (a signal, or [`terminal_gone`]) followed by silence does, and the
/// long work (loading, facts, the search index) runs on other threads.
fn spawn_watchdog(stop: Arc<AtomicBool>, heartbeat: Arc<AtomicU64>, wake: Sender<Msg>) {
    std::thread::spawn(move || {
        let (mut last, mut since) = (heartbeat.load(Ordering::Relaxed), Instant::now());
        loop {
            std::thread::sleep(Duration::from_millis(250));
            let gone = terminal_gone;
            if !stop.load(Ordering::Relaxed) && gone() {
                stop.store(true, Ordering::Relaxed);
                let _ = wake.send(Msg::Stop);
            }
            let beat = heartbeat.load(Ordering::Relaxed);
            if beat != last {
                (last, since) = (beat, Instant::now());
                continue;
            }
            if since.elapsed() >= STUCK_FOR && stop.load(Ordering::Relaxed) {
                leave();
                std::process::exit(129);
            }
        }
    });
}

/// Whether the terminal the reader reads has gone away: hung up (its
/// window closed, its tmux server killed), after which every question to
/// it fails, so standard input no longer answers as a terminal. Asked of
/// standard input itself, not of `/dev/tty`, which a reader started
/// without a controlling terminal (under `setsid`) cannot open though its
/// terminal is alive; and never judged from how long a frame takes.
fn terminal_gone() -> bool {
    !std::io::stdin().is_terminal()
}

/// Gives the terminal back; safe to call more than once and from a panic.
pub fn leave() {
    let mut out = std::io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
}

/// `o`: the article's URL in `$BROWSER`, or its file (or, for the bundled
/// articles, its text) in `$PAGER`, with the terminal given back meanwhile.
fn open_source(app: &mut crate::app::App, target: &str, mouse: bool) {
    let is_url = target.starts_with("http://") || target.starts_with("https://");
    let var = if is_url { "BROWSER" } else { "PAGER" };
    let command = std::env::var(var).ok().filter(|c| !c.trim().is_empty());
    let command = match (command, is_url) {
        (Some(c), _) => c,
        (None, false) => "less".to_string(),
        (None, true) => {
            app.note = Some(format!("set $BROWSER to open {target}"));
            return;
        }
    };
    let mut words = command.split_whitespace();
    let Some(program) = words.next() else { return };
    let mut cmd = std::process::Command::new(program);
    cmd.args(words);
    let body = app.doc().map(|d| format!("{}\n\n{}\n", d.title, d.body)).unwrap_or_default();
    leave();
    let result = if is_url || std::path::Path::new(target).is_file() {
        cmd.arg(target).status()
    } else {
        // The bundled articles have no file: the pager reads the text.
        cmd.stdin(std::process::Stdio::piped()).spawn().and_then(|mut child| {
            if let Some(mut stdin) = child.stdin.take() {
                let _ = stdin.write_all(body.as_bytes());
            }
            child.wait()
        })
    };
    let _ = take_back(mouse);
    app.note = Some(match result {
        Ok(status) if status.success() => format!("back from {program}"),
        Ok(status) => format!("{program} ended with {status}"),
        Err(e) => format!("cannot run {program}: {e}"),
    });
}

/// Ctrl-z or SIGTSTP: give the terminal back, stop until `fg`, then take
/// it again.
fn suspend(terminal: &mut Terminal<CrosstermBackend<Stdout>>, mouse: bool) -> Result<()> {
    leave();
    // SIGTSTP has a handler (the one that brings the loop here), so
    // raising it would not stop the process: this stops it as SIGTSTP's
    // default would.
    signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    reenter(terminal, mouse)
}

/// Raw mode, alternate screen, hidden cursor and mouse capture again
/// (after the terminal was lent), and a full redraw.
fn reenter(terminal: &mut Terminal<CrosstermBackend<Stdout>>, mouse: bool) -> Result<()> {
    take_back(mouse)?;
    redraw_all(terminal)
}

/// Clears the screen and has the next frame drawn whole. Not ratatui's
/// `Terminal::clear`, which asks the terminal where its cursor is and
/// reads the answer from standard input: with the input thread reading
/// too, either may take the answer, and the wait for it held the loop
/// (and a cleared screen) while keys were still being read, so that what
/// was typed for the shell after `q` went to the reader.
fn redraw_all(terminal: &mut Terminal<CrosstermBackend<Stdout>>) -> Result<()> {
    execute!(std::io::stdout(), Clear(ClearType::All))?;
    // Both buffers emptied: the next frame is compared with a blank screen.
    terminal.swap_buffers();
    Ok(())
}

/// The terminal as the reader wants it, once it was given back.
fn take_back(mouse: bool) -> Result<()> {
    enable_raw_mode()?;
    execute!(std::io::stdout(), EnterAlternateScreen, cursor::Hide)?;
    if mouse {
        execute!(std::io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}
