//! Ctrl-C as a flag. Prompts, the editor and batch runs check it at points
//! where stopping loses nothing, instead of dying half-way through a write.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use signal_hook::consts::SIGINT;

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

/// Start catching Ctrl-C (idempotent).
pub fn catch() {
    FLAG.get_or_init(|| {
        let flag = Arc::new(AtomicBool::new(false));
        // Registered first, so it sees the flag as it was before this
        // signal: already set means this is the second Ctrl-C. If a handler
        // can't be installed, Ctrl-C simply ends the process as usual.
        let _ = signal_hook::flag::register_conditional_default(SIGINT, flag.clone());
        let _ = signal_hook::flag::register(SIGINT, flag.clone());
        flag
    });
}

/// Whether Ctrl-C has been pressed since `catch`.
pub fn pressed() -> bool {
    FLAG.get().is_some_and(|flag| flag.load(Ordering::SeqCst))
}
