/// Where each part of the screen goes, for a terminal size.
///
/// Wide terminals (at least `sideColumnMinimumColumns`) get a side column with the agents
/// and the sessions; narrower ones give the transcript the full width (the lists open as
/// overlays). The input box grows with its text up to `composerMaximumLines`. Below
/// `minimumSize` the screen only says how much room it needs.
public struct ScreenLayout: Sendable, Hashable {
  public static let minimumSize = TerminalSize(columns: 60, rows: 16)
  public static let sideColumnMinimumColumns = 100
  public static let sideColumnWidth = 26
  public static let composerMaximumLines = 8
  /// Lines of attachment chips above the input, at most.
  public static let attachmentMaximumLines = 3

  public let size: TerminalSize
  public let isTooSmall: Bool
  public let agentsBox: Rect?
  public let sessionsBox: Rect?
  public let transcriptBox: Rect
  public let composerBox: Rect
  public let bannerRow: Rect?
  public let statusRow: Rect
  /// Lines of pending attachments at the top of the input box.
  public let attachmentLines: Int

  public init(size: TerminalSize, composerLines: Int, hasBanner: Bool, attachmentLines: Int = 0) {
    self.attachmentLines = max(0, attachmentLines)
    self.size = size
    let width = size.columns
    let height = size.rows
    isTooSmall = width < Self.minimumSize.columns || height < Self.minimumSize.rows
    statusRow = Rect(x: 0, y: max(0, height - 1), width: width, height: 1)
    var bottom = height - 1
    if hasBanner {
      bannerRow = Rect(x: 0, y: max(0, bottom - 1), width: width, height: 1)
      bottom -= 1
    } else {
      bannerRow = nil
    }
    var left = 0
    if width >= Self.sideColumnMinimumColumns, height >= Self.minimumSize.rows {
      let column = Rect(x: 0, y: 0, width: Self.sideColumnWidth, height: bottom)
      let agentsHeight = max(5, column.height * 2 / 5)
      agentsBox = Rect(x: 0, y: 0, width: column.width, height: agentsHeight)
      sessionsBox = Rect(
        x: 0, y: agentsHeight, width: column.width, height: column.height - agentsHeight)
      left = column.width
    } else {
      agentsBox = nil
      sessionsBox = nil
    }
    let textLines = min(max(1, composerLines), Self.composerMaximumLines)
    let chipLines = min(self.attachmentLines, Self.attachmentMaximumLines)
    let composerHeight = min(textLines + chipLines + 2, max(3 + min(chipLines, 1), bottom / 3))
    composerBox = Rect(
      x: left, y: bottom - composerHeight, width: width - left, height: composerHeight)
    transcriptBox = Rect(x: left, y: 0, width: width - left, height: bottom - composerHeight)
  }

  public var hasSideColumn: Bool { agentsBox != nil }

  /// The transcript's text area: inside the border, one column of padding each side.
  public var transcriptText: Rect {
    Rect(
      x: transcriptBox.x + 2, y: transcriptBox.y + 1, width: transcriptBox.width - 4,
      height: transcriptBox.height - 2)
  }

  public var transcriptTextWidth: Int { max(1, transcriptText.width) }

  /// The input's text area: inside the border, below the attachment chips.
  public var composerText: Rect {
    let chips = attachmentRows.height
    return Rect(
      x: composerBox.x + 2, y: composerBox.y + 1 + chips, width: composerBox.width - 4,
      height: composerBox.height - 2 - chips)
  }

  /// The chips of the pending attachments: the first lines inside the input box, leaving
  /// at least one line for the text.
  public var attachmentRows: Rect {
    let lines = min(attachmentLines, Self.attachmentMaximumLines, max(0, composerBox.height - 3))
    return Rect(
      x: composerBox.x + 2, y: composerBox.y + 1, width: composerBox.width - 4, height: lines)
  }

  /// A centred box for overlays, at most `maximum` wide and high.
  /// Narrower than `maximum` plus a margin, the box takes the whole width (and likewise
  /// the height, above the status line), so its border never lands on another box's.
  public func overlayBox(width maximumWidth: Int = 96, height maximumHeight: Int = 24) -> Rect {
    let available = size.rows - 1
    let boxWidth = size.columns < maximumWidth + 6 ? size.columns : maximumWidth
    let boxHeight = available < maximumHeight + 4 ? available : maximumHeight
    return Rect(
      x: (size.columns - boxWidth) / 2, y: max(0, (available - boxHeight) / 2),
      width: boxWidth, height: boxHeight)
  }
}
