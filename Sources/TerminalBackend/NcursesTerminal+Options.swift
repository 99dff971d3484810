extension NcursesTerminal {
  /// How to open the terminal. The defaults are the product's: standard input and output,
  /// `$TERM`, mouse and bracketed paste on, signal handlers installed.
  public struct Options: Sendable, Hashable {
    /// The terminfo name; `nil` reads `TERM` (and fails clearly when it is unset).
    public var terminalType: String?
    /// Where keys come from.
    public var inputDescriptor: Int32 = 0
    /// Where the screen goes.
    public var outputDescriptor: Int32 = 1
    /// Mouse reporting (wheel and clicks). It takes the terminal's own text selection
    /// away (Shift-drag still selects in most terminals), so it can be turned off.
    public var isMouseEnabled = true
    /// Bracketed paste: a paste arrives as one `.paste` event instead of keystrokes.
    public var isBracketedPasteEnabled = true
    /// How long a lone ESC waits for the rest of a sequence before it is the Escape key.
    public var escapeDelayMilliseconds: Int32 = 25
    /// Installs the crash guard and the SIGINT/SIGTERM/SIGHUP/SIGWINCH handlers. In-process
    /// tests on a pseudo-terminal turn this off: the handlers are process-wide.
    public var installsSignalHandlers = true
    /// Writes linked cells (`Cell.link`) as OSC 8 hyperlinks. Off for terminals that may
    /// not understand them (`HyperlinkSupport`).
    public var hyperlinks = false

    public init(
      terminalType: String? = nil, inputDescriptor: Int32 = 0, outputDescriptor: Int32 = 1,
      isMouseEnabled: Bool = true, isBracketedPasteEnabled: Bool = true,
      installsSignalHandlers: Bool = true, hyperlinks: Bool = false
    ) {
      self.terminalType = terminalType
      self.inputDescriptor = inputDescriptor
      self.outputDescriptor = outputDescriptor
      self.isMouseEnabled = isMouseEnabled
      self.isBracketedPasteEnabled = isBracketedPasteEnabled
      self.installsSignalHandlers = installsSignalHandlers
      self.hyperlinks = hyperlinks
    }
  }
}
