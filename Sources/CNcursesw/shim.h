#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

// What Swift 6 cannot import from ncursesw directly
// (TerminalBackend.docc/NcursesFromSwift.md, Why the shim exists): the wide-character API
// (hidden unless NCURSES_WIDECHAR is set, and SwiftPM drops the pkg-config -D flags), C
// globals (rejected under strict concurrency), cast macros, the ACS tables, and the
// signal-safe terminal guard.
//
// State lives in function-local statics: file-scope statics in a system-library header
// are never emitted. A static inline function gets one copy per object file that calls it
// (in a debug build that can be one per Swift file), so the guard functions (nc_guard_*)
// must only be called from one file: TerminalBackend's NcursesTerminal.swift.

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <ncurses.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

// MARK: - C globals (rejected by Swift 6 as shared mutable state)

static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline int nc_lines(void) { return LINES; }
static inline int nc_cols(void) { return COLS; }
static inline int nc_colors(void) { return COLORS; }
static inline int nc_color_pairs(void) { return COLOR_PAIRS; }

// MARK: - Macros the importer drops

static inline int nc_key_f(int n) { return KEY_F(n); }

static const attr_t NC_A_NORMAL = A_NORMAL;
static const attr_t NC_A_BOLD = A_BOLD;
static const attr_t NC_A_DIM = A_DIM;
static const attr_t NC_A_ITALIC = A_ITALIC;
static const attr_t NC_A_UNDERLINE = A_UNDERLINE;
static const attr_t NC_A_REVERSE = A_REVERSE;
static const attr_t NC_A_COLOR = A_COLOR;

static const mmask_t NC_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t NC_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t NC_BUTTON2_PRESSED = BUTTON2_PRESSED;
static const mmask_t NC_BUTTON3_PRESSED = BUTTON3_PRESSED;
static const mmask_t NC_BUTTON4_PRESSED = BUTTON4_PRESSED;  // wheel up
static const mmask_t NC_BUTTON5_PRESSED = BUTTON5_PRESSED;  // wheel down
static const mmask_t NC_BUTTON_SHIFT = BUTTON_SHIFT;
static const mmask_t NC_BUTTON_CTRL = BUTTON_CTRL;
static const mmask_t NC_BUTTON_ALT = BUTTON_ALT;

// MARK: - ACS tables (filled by newterm, so functions rather than constants)

static inline const cchar_t *nc_wacs_hline(void) { return WACS_HLINE; }
static inline const cchar_t *nc_wacs_vline(void) { return WACS_VLINE; }
static inline const cchar_t *nc_wacs_ulcorner(void) { return WACS_ULCORNER; }
static inline const cchar_t *nc_wacs_urcorner(void) { return WACS_URCORNER; }
static inline const cchar_t *nc_wacs_llcorner(void) { return WACS_LLCORNER; }
static inline const cchar_t *nc_wacs_lrcorner(void) { return WACS_LRCORNER; }

// MARK: - Terminal facts

/// A terminfo string capability, or NULL when it is absent or not a string capability
/// (tigetstr returns (char *)-1 for the latter, which Swift cannot compare safely).
static inline const char *nc_tigetstr(const char *name) {
  char *value = tigetstr(name);
  if (value == NULL || value == (char *)-1) return NULL;
  return value;
}

/// The size of the terminal on `fd`; -1 when it is not a terminal or reports 0 rows.
static inline int nc_tty_size(int fd, int *rows, int *cols) {
  struct winsize ws;
  if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
  *rows = ws.ws_row;
  *cols = ws.ws_col;
  return 0;
}

/// Sets the size of a pseudo-terminal (tests and benchmarks resize through the master).
static inline int nc_set_tty_size(int fd, int rows, int cols) {
  struct winsize ws = {0};
  ws.ws_row = (unsigned short)rows;
  ws.ws_col = (unsigned short)cols;
  return ioctl(fd, TIOCSWINSZ, &ws);
}

/// A new pseudo-terminal of the given size (glibc ≥ 2.34 has openpty in libc).
static inline int nc_openpty(int *master, int *slave, int rows, int cols) {
  struct winsize ws = {0};
  ws.ws_row = (unsigned short)rows;
  ws.ws_col = (unsigned short)cols;
  return openpty(master, slave, NULL, NULL, &ws);
}

static inline int nc_set_nonblocking(int fd) {
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return -1;
  return fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

static inline int nc_set_cloexec(int fd) {
  int flags = fcntl(fd, F_GETFD);
  if (flags < 0) return -1;
  return fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
}

// MARK: - Terminal guard (restore on crash, signals and exit)
//
// While the guard is active:
// - SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE and SIGTRAP restore the saved termios, write
//   the reset sequence, put back the previous action (Swift's backtracer) and re-raise.
// - SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP and SIGCONT write their signal number as one
//   byte to the notification pipe; the event loop turns it into an event (SIGTSTP: give the
//   terminal back and stop, see nc_guard_stop_process; SIGCONT: repaint). A second
//   termination signal before the loop has shut down restores the terminal and dies of the
//   signal. SIGTSTP is left alone when it was ignored (no job control).
// - An exit() that skips the orderly shutdown restores the terminal from atexit.

typedef struct {
  volatile sig_atomic_t active;
  volatile sig_atomic_t terminations;
  int tty_fd;
  int out_fd;
  int notify_fd;
  int has_termios;
  int atexit_registered;
  struct termios termios;
  struct sigaction previous[65];
} nc_guard_state;

static inline nc_guard_state *nc__guard(void) {
  static nc_guard_state state = {0, 0, -1, -1, -1, 0, 0};
  return &state;
}

// The signal lists are functions because file-scope data in this header is not emitted.
enum { NC__CRASH_SIGNAL_COUNT = 6, NC__NOTIFY_SIGNAL_COUNT = 6 };
static inline int nc__crash_signal(unsigned i) {
  static const int signals[NC__CRASH_SIGNAL_COUNT] = {SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE,
                                                       SIGTRAP};
  return signals[i];
}
static inline int nc__notify_signal(unsigned i) {
  static const int signals[NC__NOTIFY_SIGNAL_COUNT] = {SIGINT, SIGTERM, SIGHUP, SIGWINCH,
                                                        SIGTSTP, SIGCONT};
  return signals[i];
}

/// Async-signal-safe: tcsetattr and write only.
static inline void nc__restore_terminal(void) {
  static const char reset[] =
      "\033[?2004l\033[?1000l\033[?1002l\033[?1006l\033[0m\033[?25h\033[?1049l\r\n";
  nc_guard_state *g = nc__guard();
  if (!g->active) return;
  g->active = 0;
  if (g->has_termios) tcsetattr(g->tty_fd, TCSANOW, &g->termios);
  if (g->out_fd >= 0) (void)!write(g->out_fd, reset, sizeof reset - 1);
}

static inline void nc__on_crash(int sig) {
  nc__restore_terminal();
  sigaction(sig, &nc__guard()->previous[sig & 63], NULL);
  raise(sig);
}

static inline void nc__on_notify(int sig) {
  nc_guard_state *g = nc__guard();
  int saved_errno = errno;
  int terminates = sig != SIGWINCH && sig != SIGTSTP && sig != SIGCONT;
  if (terminates && g->terminations++ > 0) {
    nc__restore_terminal();
    signal(sig, SIG_DFL);
    raise(sig);
    errno = saved_errno;
    return;
  }
  unsigned char byte = (unsigned char)sig;
  if (g->notify_fd >= 0) (void)!write(g->notify_fd, &byte, 1);
  errno = saved_errno;
}

static inline void nc__at_exit(void) { nc__restore_terminal(); }

/// Saves the termios of `tty_fd` and installs the handlers described above. `notify_fd`
/// is the non-blocking write end of the notification pipe. Call before newterm, so
/// ncurses sees handlers in place and does not install its own.
static inline void nc_guard_install(int tty_fd, int out_fd, int notify_fd) {
  nc_guard_state *g = nc__guard();
  g->tty_fd = tty_fd;
  g->out_fd = out_fd;
  g->notify_fd = notify_fd;
  g->terminations = 0;
  g->has_termios = tcgetattr(tty_fd, &g->termios) == 0;
  for (unsigned i = 0; i < NC__CRASH_SIGNAL_COUNT; i++) {
    int sig = nc__crash_signal(i);
    struct sigaction action = {0};
    action.sa_handler = nc__on_crash;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_NODEFER;
    sigaction(sig, &action, &g->previous[sig & 63]);
  }
  for (unsigned i = 0; i < NC__NOTIFY_SIGNAL_COUNT; i++) {
    int sig = nc__notify_signal(i);
    struct sigaction action = {0};
    action.sa_handler = nc__on_notify;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(sig, NULL, &g->previous[sig & 63]);
    // Without job control the shell ignores SIGTSTP for its children: keep it ignored.
    if (sig == SIGTSTP && g->previous[sig & 63].sa_handler == SIG_IGN) continue;
    sigaction(sig, &action, NULL);
  }
  if (!g->atexit_registered) {
    g->atexit_registered = 1;
    atexit(nc__at_exit);
  }
  g->active = 1;
}

/// Stops the process as job control asks (Ctrl-Z, SIGTSTP) and returns once it continues
/// (`fg`). The caller has given the terminal back first. SIGTSTP takes its default action
/// for the moment (raised in this thread, so the stop happens before this returns), then
/// orchat's handler is back. Does nothing useful without job control: the kernel discards a
/// stop signal in an orphaned process group, and an ignored SIGTSTP stays ignored.
static inline void nc_guard_stop_process(void) {
  if (!nc__guard()->active) return;
  struct sigaction stop = {0};
  struct sigaction previous;
  stop.sa_handler = SIG_DFL;
  sigemptyset(&stop.sa_mask);
  sigaction(SIGTSTP, NULL, &previous);
  if (previous.sa_handler == SIG_IGN) return;
  sigaction(SIGTSTP, &stop, NULL);
  sigset_t only_tstp;
  sigset_t saved_mask;
  sigemptyset(&only_tstp);
  sigaddset(&only_tstp, SIGTSTP);
  pthread_sigmask(SIG_UNBLOCK, &only_tstp, &saved_mask);
  raise(SIGTSTP);
  pthread_sigmask(SIG_SETMASK, &saved_mask, NULL);
  sigaction(SIGTSTP, &previous, NULL);
}

/// While another program has the terminal (`$EDITOR`), a Ctrl-Z must stop the whole job as
/// it would without orchat: `handled` 0 gives SIGTSTP its default action, 1 takes it back.
/// An ignored SIGTSTP stays ignored.
static inline void nc_guard_handle_tstp(int handled) {
  nc_guard_state *g = nc__guard();
  if (!g->active || g->previous[SIGTSTP & 63].sa_handler == SIG_IGN) return;
  struct sigaction action = {0};
  action.sa_handler = handled ? nc__on_notify : SIG_DFL;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGTSTP, &action, NULL);
}

/// Puts back every handler nc_guard_install replaced; the terminal is not touched (the
/// orderly shutdown has restored it).
static inline void nc_guard_remove(void) {
  nc_guard_state *g = nc__guard();
  g->active = 0;
  for (unsigned i = 0; i < NC__CRASH_SIGNAL_COUNT; i++) {
    int sig = nc__crash_signal(i);
    sigaction(sig, &g->previous[sig & 63], NULL);
  }
  for (unsigned i = 0; i < NC__NOTIFY_SIGNAL_COUNT; i++) {
    int sig = nc__notify_signal(i);
    sigaction(sig, &g->previous[sig & 63], NULL);
  }
  g->notify_fd = -1;
}

#endif
