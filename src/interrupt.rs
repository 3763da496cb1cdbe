//! Ctrl-C. Batch runs read it as a flag, at points where stopping loses
//! nothing. At a terminal it ends `appeal` at once (130, the terminal
//! restored), whatever the program is doing, except while something is
//! being written: then it ends it as soon as the write is done.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use signal_hook::consts::SIGINT;

use crate::error::exit;
use crate::talk;

/// Set by Ctrl-C once `catch` has installed the handlers.
///
/// The flag is set inside the signal handler itself, so it is already set
/// when any system call the signal interrupted returns. That matters for
/// the editor: Ctrl-C reaches it and appeal together, and by the time
/// waiting on the editor returns, appeal must know it was cancelled. (A
/// handler that sets the flag later, from a thread of its own, loses that
/// race now and then.)
///
/// A second Ctrl-C, while the first is still being acted on, ends the
/// process the usual way, so nothing can leave it unkillable.
static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();

/// The handler that makes a second Ctrl-C end the process the usual way.
static SECOND: OnceLock<Option<signal_hook::SigId>> = OnceLock::new();

/// Set by `at_terminal`: the terminal's settings before any prompt, and
/// so also whether Ctrl-C ends the program at once.
static SAVED: OnceLock<Option<terminal::Saved>> = OnceLock::new();

/// How many writes are in progress (`Busy` guards).
static BUSY: AtomicUsize = AtomicUsize::new(0);

/// What to do before ending on Ctrl-C, such as keeping a letter.
type Keep = Box<dyn FnOnce() + Send>;
static ON_CANCEL: Mutex<Option<Keep>> = Mutex::new(None);

/// Start catching Ctrl-C as a flag (idempotent).
pub fn catch() {
    FLAG.get_or_init(|| {
        let flag = Arc::new(AtomicBool::new(false));
        // Registered first, so it sees the flag as it was before this
        // signal: already set means this is the second Ctrl-C. If a handler
        // can't be installed, Ctrl-C simply ends the process as usual.
        let second = signal_hook::flag::register_conditional_default(SIGINT, flag.clone());
        let _ = SECOND.set(second.ok());
        let _ = signal_hook::flag::register(SIGINT, flag.clone());
        flag
    });
}

/// Whether Ctrl-C has been pressed since `catch`.
pub fn pressed() -> bool {
    FLAG.get().is_some_and(|flag| flag.load(Ordering::SeqCst))
}

/// From now on, Ctrl-C ends the program with 130 within moments, wherever
/// it is: in a prompt, while a prompt is drawn, or between two (idempotent).
///
/// A prompt reads keys in raw mode, where Ctrl-C is a key it reports; but a
/// Ctrl-C that arrives as a signal, just before the terminal is switched or
/// from `kill`, would only set the flag while the prompt waits for a key.
/// So the signal handler also writes to a pipe, and a thread of its own
/// reads it and ends the program.
///
/// console raises SIGINT itself when a prompt reads Ctrl-C as a key, or
/// when a signal interrupts its wait: one Ctrl-C may come twice. So here a
/// second signal no longer kills the process outright; instead, while a
/// write holds Ctrl-C back, a second Ctrl-C ends the program at once.
pub fn at_terminal() {
    catch();
    if SAVED.set(terminal::save()).is_err() {
        return;
    }
    let Ok((mut reader, writer)) = std::os::unix::net::UnixStream::pair() else {
        return;
    };
    if signal_hook::low_level::pipe::register(SIGINT, writer).is_err() {
        return;
    }
    if let Some(Some(second)) = SECOND.get() {
        signal_hook::low_level::unregister(*second);
    }
    std::thread::spawn(move || {
        use std::io::Read;
        let mut byte = [0u8; 1];
        let mut seen = 0;
        while reader.read(&mut byte).is_ok_and(|n| n > 0) {
            seen += 1;
            if BUSY.load(Ordering::SeqCst) == 0 || seen > 1 {
                end();
            }
        }
    });
}

/// Ends the program for Ctrl-C, once, when `at_terminal` is in force; a
/// prompt that read Ctrl-C as a key comes here too. Returns otherwise.
pub fn end_at_terminal() {
    if SAVED.get().is_some() {
        end();
    }
}

/// Held by whichever thread is ending the program, never released.
static ENDING: Mutex<()> = Mutex::new(());

/// Runs what must happen before ending (once), restores the terminal and
/// ends the process with 130.
fn end() -> ! {
    let _ending = ENDING.lock();
    // Keeping the letter may wait on the thread that was cancelled, so it
    // comes before the terminal is taken.
    cancel();
    // Whatever another thread was writing to the terminal (a preview, a
    // prompt hiding the cursor) stops here: it would otherwise go on
    // between the last words below and the end of the process. The lock is
    // re-entrant, so this thread's own messages still pass.
    let _terminal = std::io::stderr().lock();
    if let Some(Some(saved)) = SAVED.get() {
        saved.restore();
    }
    // Plain prompts never hid it, and write no escape sequence.
    if !crate::talk::plain() {
        let _ = console::Term::stderr().show_cursor();
    }
    // The prompt that was cancelled is still on this line.
    talk::line("");
    talk::say(crate::ui::tr!("interrupt-cancelled"));
    std::process::exit(exit::INTERRUPTED.into())
}

/// Sets what to do if the writer cancels from now on: keep their letter.
/// Replaces any earlier one; `None` forgets it.
pub fn on_cancel(keep: Option<Keep>) {
    if let Ok(mut slot) = ON_CANCEL.lock() {
        *slot = keep;
    }
}

/// Runs what `on_cancel` set, once, wherever Ctrl-C was noticed. Another
/// thread that cancels meanwhile waits until it is done.
pub fn cancel() {
    if let Ok(mut slot) = ON_CANCEL.lock()
        && let Some(keep) = slot.take()
    {
        keep();
    }
}

/// A write in progress: Ctrl-C waits for it, then ends the program when
/// the guard is dropped (at a terminal), or is left to `pressed` (batch).
pub struct Busy(());

pub fn busy() -> Busy {
    BUSY.fetch_add(1, Ordering::SeqCst);
    Busy(())
}

impl Drop for Busy {
    fn drop(&mut self) {
        let left = BUSY.fetch_sub(1, Ordering::SeqCst) - 1;
        if left == 0 && pressed() && !std::thread::panicking() {
            end_at_terminal();
        }
    }
}

/// The terminal's settings, as they were before any prompt changed them.
mod terminal {
    pub struct Saved(libc::termios);

    pub fn save() -> Option<Saved> {
        // SAFETY: tcgetattr only writes the struct it is given.
        unsafe {
            let mut termios: libc::termios = std::mem::zeroed();
            (libc::tcgetattr(libc::STDIN_FILENO, &mut termios) == 0).then_some(Saved(termios))
        }
    }

    impl Saved {
        pub fn restore(&self) {
            // SAFETY: sets stdin's terminal to settings it had before.
            unsafe { libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &self.0) };
        }
    }
}
