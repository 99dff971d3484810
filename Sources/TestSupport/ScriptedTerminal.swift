import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import TerminalBackend

/// An in-memory `Terminal` for tests and benchmarks: it replays scripted events and
/// records what it was asked to paint.
///
/// - `screen` is what a real terminal would show: every presented diff applied in order.
/// - `presents` keeps each frame, its diff, the cells painted and the bytes the product's
///   encoder (`FrameEncoder`, for xterm with 256 colours) would have written for it.
/// - `readEvents` hands out one scripted batch per call. When the script is used up it
///   waits on the `WakeSignal` if it has one (so a run loop under test sleeps until an
///   effect posts), and otherwise reports `.inputClosed` so the loop ends.
///
/// Confined to one thread like any `Terminal`.
public final class ScriptedTerminal: Terminal {
  /// One `present` call as recorded.
  public struct Present: Sendable {
    public var frame: Frame
    public var diff: GridDiff
    /// Cells painted (continuation cells are not painted).
    public var paintedCells: Int
    /// What `FrameEncoder` would have written to an xterm.
    public var bytes: [UInt8]
  }

  public private(set) var size: TerminalSize
  public private(set) var theme: Theme?
  public private(set) var screen: CellGrid
  public private(set) var cursor: Position?
  public private(set) var presents: [Present] = []
  /// Control sequences the app sent around the frames (OSC 52 copies).
  public private(set) var controlSequences: [String] = []
  /// How many times the app handed the terminal to another program.
  public private(set) var suspensions = 0
  private var script: [[TerminalEvent]]
  private let wake: WakeSignal?
  private var encoder = FrameEncoder()

  /// - Parameters:
  ///   - size: The starting size; a scripted `.resize` changes it when it is read.
  ///   - script: Batches of events, one batch per `readEvents` call.
  ///   - wake: Waited on once the script is used up.
  public init(size: TerminalSize, script: [[TerminalEvent]] = [], wake: WakeSignal? = nil) {
    self.size = size
    self.script = script
    self.wake = wake
    screen = CellGrid(width: size.columns, height: size.rows)
  }

  /// Adds a batch to the end of the script.
  public func enqueue(_ events: TerminalEvent...) {
    script.append(events)
  }

  /// The last frame presented.
  public var lastFrame: Frame? { presents.last?.frame }

  public func setTheme(_ theme: Theme) {
    self.theme = theme
    encoder.setTheme(theme)
  }

  public func present(_ frame: Frame, diff: GridDiff) {
    if diff.isFull || screen.width != frame.grid.width || screen.height != frame.grid.height {
      screen = CellGrid(width: frame.grid.width, height: frame.grid.height)
    }
    diff.apply(to: &screen)
    cursor = frame.cursor
    let painted = diff.runs.reduce(0) { total, run in
      total + run.cells.filter { !$0.isContinuation }.count
    }
    var bytes: [UInt8] = []
    encoder.encode(diff, grid: frame.grid, cursor: frame.cursor, bounds: size, into: &bytes)
    presents.append(Present(frame: frame, diff: diff, paintedCells: painted, bytes: bytes))
  }

  public func sendControlSequence(_ sequence: String) {
    controlSequences.append(sequence)
  }

  public func suspend() {
    suspensions += 1
  }

  public func readEvents(timeout: Duration?) -> [TerminalEvent] {
    if !script.isEmpty {
      let batch = script.removeFirst()
      for case .resize(let newSize) in batch { size = newSize }
      return batch
    }
    if let wake { return wake.wait(timeout: timeout) ? [.wake] : [] }
    return [.inputClosed]
  }

  /// The screen's text, one string per row, continuation cells left out and trailing
  /// spaces trimmed.
  public var screenLines: [String] {
    screen.rowTexts.map { row in
      var line = row
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }
}
