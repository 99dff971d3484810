import CNcursesw
import CWidth
import ChatDomain
import ChatRender
import ChatUI
import Glibc
import Synchronization

/// The live terminal: ncursesw in the alternate screen, wide-character output, decoded
/// input, and the terminal restored on every way out.
///
/// Lifecycle: `init` takes the terminal over (raw mode, alternate screen, mouse and
/// bracketed paste); `shutdown()` (or `deinit`) gives it back exactly as it was. The crash
/// guard and signal handlers installed by `init` restore it on a crash, on a second
/// SIGINT/SIGTERM/SIGHUP, and on an `exit()` that skips `shutdown()`.
///
/// - Important: ncurses is process-global and not thread-safe. Only one `NcursesTerminal`
///   may be open at a time (`init` throws `.alreadyActive` otherwise), and every call must
///   come from the thread that created it. The class is deliberately not `Sendable`.
public final class NcursesTerminal: Terminal {
  /// Whether a terminal is open in this process (ncurses has one current screen).
  private static let isOpen = Mutex(false)

  let options: Options
  private let screen: OpaquePointer
  let outputFile: UnsafeMutablePointer<FILE>
  private let inputFile: UnsafeMutablePointer<FILE>
  /// `stdscr`: the one full-screen window everything is drawn in and read from.
  let window: UnsafeMutablePointer<WINDOW>
  let wake: WakeSignal?
  /// Read end of the pipe the signal handlers write their signal numbers to.
  let signalDescriptor: Int32
  private let signalWriteDescriptor: Int32
  var decoder: KeyDecoder
  var isInputClosed = false
  /// Composes each frame's bytes (ncurses opens the terminal and reads keys, and draws
  /// nothing: see `FrameEncoder`).
  var encoder: FrameEncoder
  /// The bytes of the frame being presented (kept to reuse its storage).
  var frameBytes: [UInt8] = []
  /// The hyperlinks on screen, when `options.hyperlinks` is on.
  var hyperlinks = HyperlinkTracker()
  private var isShutDown = false

  /// Opens the terminal.
  ///
  /// - Parameters:
  ///   - options: Descriptors, terminal type and features; the defaults suit the product.
  ///   - wake: Lets other threads end a `readEvents` wait with `.wake`.
  /// - Throws: `TerminalError` when the descriptors are not a terminal, the terminal type
  ///   is unknown, or another terminal is open. Nothing has changed on screen then.
  public init(options: Options = Options(), wake: WakeSignal? = nil) throws(TerminalError) {
    for descriptor in [options.inputDescriptor, options.outputDescriptor]
    where isatty(descriptor) == 0 {
      throw .notATerminal(descriptor: descriptor)
    }
    let claimed = Self.isOpen.withLock { isOpen in
      defer { isOpen = true }
      return !isOpen
    }
    guard claimed else { throw .alreadyActive }
    let opened: OpenedScreen
    do {
      opened = try Self.open(options)
    } catch {
      Self.isOpen.withLock { $0 = false }
      throw error
    }
    screen = opened.screen
    outputFile = opened.output
    inputFile = opened.input
    window = opened.window
    signalDescriptor = opened.signalPipe.read
    signalWriteDescriptor = opened.signalPipe.write
    self.options = options
    self.wake = wake
    decoder = KeyDecoder(pasteMarkers: NcursesKeyTable.pasteMarkers)
    encoder = FrameEncoder(capabilities: Self.configure(window: window, options: options))
    decoder.extendedKeys = NcursesKeyTable.modifiedKeys()
  }

  deinit {
    shutdown()
  }

  /// Gives the terminal back: bracketed paste and mouse off, `endwin` (cursor shown, main
  /// screen, original modes), signal handlers removed. Safe to call more than once.
  public func shutdown() {
    guard !isShutDown else { return }
    isShutDown = true
    if options.isBracketedPasteEnabled {
      Self.writeControl("\u{1b}[?2004l", to: options.outputDescriptor)
    }
    Self.writeControl(encoder.resetRendition(), to: options.outputDescriptor)
    if options.isMouseEnabled { _ = mousemask(0, nil) }
    _ = curs_set(1)
    _ = endwin()
    delscreen(screen)
    fclose(outputFile)
    fclose(inputFile)
    if options.installsSignalHandlers {
      nc_guard_remove()
      close(signalDescriptor)
      close(signalWriteDescriptor)
    }
    Self.isOpen.withLock { $0 = false }
  }

  public var size: TerminalSize {
    TerminalSize(columns: Int(getmaxx(window)), rows: Int(getmaxy(window)))
  }

  /// The colour depth ncurses found (from terminfo and `COLORS`).
  public var colorDepth: ColorDepth { encoder.capabilities.depth }

  // MARK: - Opening

  private struct OpenedScreen {
    var screen: OpaquePointer
    var output: UnsafeMutablePointer<FILE>
    var input: UnsafeMutablePointer<FILE>
    var window: UnsafeMutablePointer<WINDOW>
    var signalPipe: (read: Int32, write: Int32)
  }

  private static func open(_ options: Options) throws(TerminalError) -> OpenedScreen {
    if !isUTF8Locale() { _ = orchat_ensure_utf8_ctype() }
    var signalPipe: [Int32] = [-1, -1]
    if options.installsSignalHandlers {
      guard pipe(&signalPipe) == 0 else { throw .systemCall("pipe", errno: errno) }
      for descriptor in signalPipe {
        _ = nc_set_nonblocking(descriptor)
        _ = nc_set_cloexec(descriptor)
      }
      // Before newterm: ncurses then leaves SIGINT/SIGTERM/SIGWINCH to us.
      nc_guard_install(options.inputDescriptor, options.outputDescriptor, signalPipe[1])
    }
    func undoSignals() {
      guard options.installsSignalHandlers else { return }
      nc_guard_remove()
      for descriptor in signalPipe { close(descriptor) }
    }
    // Duplicates, so that closing the FILEs at shutdown leaves the caller's descriptors open.
    guard let output = fdopen(dup(options.outputDescriptor), "w") else {
      undoSignals()
      throw .systemCall("fdopen", errno: errno)
    }
    guard let input = fdopen(dup(options.inputDescriptor), "r") else {
      fclose(output)
      undoSignals()
      throw .systemCall("fdopen", errno: errno)
    }
    let type = options.terminalType ?? Self.environmentValue("TERM")
    guard let type, !type.isEmpty, let screen = newterm(type, output, input) else {
      fclose(output)
      fclose(input)
      undoSignals()
      throw .unknownTerminalType(type ?? "")
    }
    _ = set_term(screen)
    guard let window = nc_stdscr() else {
      _ = endwin()
      delscreen(screen)
      fclose(output)
      fclose(input)
      undoSignals()
      throw .systemCall("newterm", errno: errno)
    }
    return OpenedScreen(
      screen: screen, output: output, input: input, window: window,
      signalPipe: (signalPipe[0], signalPipe[1]))
  }

  /// Sets the modes orchat runs in and returns what the terminal can show (`COLORS` is
  /// known only after `start_color`).
  private static func configure(window: UnsafeMutablePointer<WINDOW>, options: Options)
    -> FrameEncoder.Capabilities
  {
    _ = raw()  // Ctrl-C, Ctrl-S, Ctrl-Z arrive as keys; the app decides what they do
    _ = noecho()
    _ = nonl()  // keeps Enter (CR) apart from Ctrl-J (LF)
    _ = keypad(window, true)
    _ = nodelay(window, true)
    _ = meta(window, true)
    _ = intrflush(window, false)
    _ = set_escdelay(options.escapeDelayMilliseconds)
    _ = curs_set(0)
    var capabilities = FrameEncoder.Capabilities(
      depth: .monochrome, hasDefaultColors: true, attributes: [],
      hasColumnMove: nc_tigetstr("hpa") != nil, hasRowMove: nc_tigetstr("vpa") != nil,
      hasErase: nc_tigetstr("ech") != nil, hasBareLineFeed: false)
    let attributes: [(String, TextAttributes)] = [
      ("bold", .bold), ("dim", .dim), ("sitm", .italic), ("smul", .underline), ("rev", .reverse),
    ]
    for (name, attribute) in attributes where nc_tigetstr(name) != nil {
      capabilities.attributes.insert(attribute)
    }
    // ncurses' `nonl` leaves output post-processing off for line feeds; checked, not assumed.
    var modes = termios()
    if tcgetattr(options.outputDescriptor, &modes) == 0 {
      let flags = modes.c_oflag
      capabilities.hasBareLineFeed = flags & tcflag_t(OPOST) == 0 || flags & tcflag_t(ONLCR) == 0
    } else {
      capabilities.hasBareLineFeed = false
    }
    if has_colors() {
      _ = start_color()
      capabilities.depth = ColorDepth(colorCount: Int(nc_colors()))
      capabilities.hasDefaultColors = use_default_colors() == OK
    }
    if options.isMouseEnabled {
      let mask =
        NC_BUTTON1_PRESSED | NC_BUTTON1_RELEASED | NC_BUTTON2_PRESSED
        | NC_BUTTON3_PRESSED | NC_BUTTON4_PRESSED | NC_BUTTON5_PRESSED
      _ = mousemask(mask, nil)
      _ = mouseinterval(0)  // report presses as they happen; no click synthesis delay
    }
    NcursesKeyTable.defineNormalModeKeys()
    if options.isBracketedPasteEnabled {
      NcursesKeyTable.definePasteMarkers()
      writeControl("\u{1b}[?2004h", to: options.outputDescriptor)
    }
    return capabilities
  }

  /// Writes a control sequence straight to the terminal, around ncurses' own buffer (used
  /// only for modes ncurses does not manage, whose order relative to drawing is irrelevant,
  /// and OSC 52 copies, which can be megabytes).
  ///
  /// Every byte goes out: a short write continues, EINTR retries, and a descriptor left
  /// non-blocking (the terminal's file description is shared with the shell) is waited on
  /// with `poll` for up to `timeout` per stall. A terminal that is gone (EIO, EPIPE) ends
  /// the write quietly.
  static func writeControl(
    _ sequence: String, to descriptor: Int32, timeout: Duration = .seconds(5)
  ) {
    writeControl(Array(sequence.utf8), to: descriptor, timeout: timeout)
  }

  /// Writes every byte of `bytes`, as `writeControl(_:to:timeout:)` does a sequence.
  static func writeControl(
    _ bytes: [UInt8], to descriptor: Int32, timeout: Duration = .seconds(5)
  ) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written > 0 {
        offset += written
      } else if written < 0, errno == EINTR {
        continue
      } else if written < 0, errno == EAGAIN || errno == EWOULDBLOCK {
        var entry = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        var ready: Int32
        repeat {
          ready = poll(&entry, 1, PollTimeout.milliseconds(until: ContinuousClock.now + timeout))
        } while ready < 0 && errno == EINTR
        guard ready > 0 else { return }
      } else {
        return
      }
    }
  }

  // MARK: - The guard's job control
  //
  // The guard keeps its state in function-local statics of static inline C functions, and
  // every object file that calls one gets a copy of its own: the calls that share the state
  // installed in `open` must be made from this file.

  /// Gives SIGTSTP back its default action (`false`, while another program has the
  /// terminal) or takes it again (`true`).
  static func handleStopSignal(_ handled: Bool) {
    nc_guard_handle_tstp(handled ? 1 : 0)
  }

  /// Stops the process until `fg` (see `nc_guard_stop_process`).
  static func stopForJobControl() {
    nc_guard_stop_process()
  }

  private static func environmentValue(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  private static func isUTF8Locale() -> Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).lowercased()
    return name == "utf-8" || name == "utf8"
  }
}
