import ChatDomain

/// Streaming markdown: text is appended in arbitrary pieces, and the document keeps the
/// blocks that can no longer change apart from the few that still can.
///
/// `closedBlocks + openBlocks` always equals what a document given the whole text in one
/// `append` would hold, however the text was split.
///
/// **Invariants:** `closedBlocks` are the blocks the parser emitted for every complete line
/// (everything up to the last newline); they only ever grow. `pendingLine` is the text after
/// the last newline. `openBlocks` is recomputed on every append from a copy of the parser
/// fed `pendingLine` and finished, so it costs the open block and the pending line, never
/// the text before them. `codeBlocks[n - 1]` holds the closed source lines of code block
/// `n`.
public struct MarkdownDocument: Sendable {
  public private(set) var closedBlocks: [MarkdownBlock] = []
  public private(set) var openBlocks: [MarkdownBlock] = []
  /// Whether the text is complete: then a code block left open gets its footer.
  public private(set) var isComplete = false
  private var parser: MarkdownBlockParser
  private var pendingLine = ""
  private var codeBlocks: [CodeBlockSource] = []

  /// An empty document whose prose is in `textRole`.
  public init(textRole: StyleRole = .transcriptBody) {
    parser = MarkdownBlockParser(textRole: textRole)
  }

  /// A document holding `text`.
  public init(_ text: String, textRole: StyleRole = .transcriptBody) {
    self.init(textRole: textRole)
    append(text)
  }

  /// Every block, closed then open (a new array: for tests and one-off rendering; a
  /// streaming caller renders `closedBlocks` once and `openBlocks` per append).
  public var blocks: [MarkdownBlock] { closedBlocks + openBlocks }

  /// Appends text (already sanitised). Costs the new text plus the open block.
  public mutating func append(_ text: String) {
    guard !text.isEmpty else { return }
    var rest = Substring(text)
    while let newline = rest.utf8.firstIndex(of: 0x0A) {
      pendingLine += rest[..<newline]
      let firstNew = closedBlocks.count
      parser.consume(Substring(pendingLine), into: &closedBlocks)
      recordCode(closedBlocks[firstNew...])
      pendingLine = ""
      rest = rest[rest.utf8.index(after: newline)...]
    }
    pendingLine += rest
    renderOpenBlocks()
  }

  /// Marks the text complete (the reply ended): a code block whose closing fence never came
  /// is closed with a footer.
  public mutating func complete() {
    guard !isComplete else { return }
    isComplete = true
    renderOpenBlocks()
  }

  private mutating func renderOpenBlocks() {
    var preview = parser
    openBlocks = []
    if !pendingLine.isEmpty { preview.consume(Substring(pendingLine), into: &openBlocks) }
    preview.finish(into: &openBlocks, closesFence: isComplete)
  }

  /// How many code blocks the text has opened so far.
  public var codeBlockCount: Int { codeBlocks.count }

  /// The source of code block `number` (1-based) as written in the message, for copying:
  /// its lines without the fences and without the fence's own indentation; no tab
  /// expansion, no clipping, no glyph reduction. Includes the line still streaming.
  public func codeBlock(_ number: Int) -> CodeBlockSource? {
    guard number >= 1 else { return nil }
    var source = number <= codeBlocks.count ? codeBlocks[number - 1] : nil
    for block in openBlocks {
      switch block.content {
      case .codeHeader(let language, let block) where block == number:
        source = CodeBlockSource(number: number, language: language)
      case .codeLine(let spans, let block) where block == number:
        source?.lines.append(spans.plainText)
      default: break
      }
    }
    return source
  }

  private mutating func recordCode(_ blocks: ArraySlice<MarkdownBlock>) {
    for block in blocks {
      switch block.content {
      case .codeHeader(let language, let number):
        codeBlocks.append(CodeBlockSource(number: number, language: language))
      case .codeLine(let spans, let number) where number == codeBlocks.count:
        codeBlocks[number - 1].lines.append(spans.plainText)
      default: break
      }
    }
  }
}
