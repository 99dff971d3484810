import ChatCore
import ChatDomain
import ChatRender
import ChatUI
import Glibc
import TestSupport

/// Layout + render + diff per streamed token, at 120x40, with a 10,000-message transcript
/// above the reply (target: ≤ 50 µs per token).
///
/// Each token is appended to the streaming message's `MessageLayout`, a whole frame is
/// painted (title row, the transcript's last rows, status row) the way the app renders,
/// lines still on screen copied from its `LineRowCache`, and diffed against the previous
/// frame. Prints figures; asserts nothing.
/// Wall-clock figures per phase are shown with the thread's CPU time per token, which is
/// what to compare on a busy machine where wall time includes waiting for a core.
enum RenderBenchmarks {
  static let columns = 120
  static let rows = 40
  static let historyCount = 10_000

  static let rounds = 5

  /// Per-token timings of one streamed reply.
  private struct Round {
    var layout: [Duration] = []
    var render: [Duration] = []
    var diff: [Duration] = []
    var cpu = Duration.zero
    var changedRows = 0
    var replyLines = 0
    var cacheHits = 0
    var cacheMisses = 0

    var totals: [Duration] { zip(zip(layout, render), diff).map { $0.0 + $0.1 + $1 } }
    var meanTotal: Double { mean(totals) }
  }

  static func run() async throws {
    guard DisplayWidth.ensureUTF8Locale() else {
      print("render: no UTF-8 locale available; skipped")
      return
    }
    let clock = ContinuousClock()
    var random = SeededGenerator(seed: 2026)
    let buildStart = clock.now
    let history = makeHistory(width: columns - 2)
    let buildTime = clock.now - buildStart
    let historyLines = history.reduce(0) { $0 + $1.lines.count }

    let reply = String(
      repeating: MarkdownSamples.all.joined(separator: "\n\n") + "\n\n", count: 10)
    let tokens = random.randomSplits(of: reply, maxLength: 8)
    let results = (0..<rounds).map { _ in stream(tokens, below: history) }
    let ordered = results.sorted { $0.meanTotal < $1.meanTotal }
    let median = ordered[ordered.count / 2]

    print("render: \(columns)x\(rows), \(historyCount) messages above (\(historyLines) lines)")
    print("  transcript built in \(milliseconds(buildTime)) ms")
    print(
      "  \(rounds) rounds of \(tokens.count) tokens (\(reply.utf8.count) bytes, 1–8 "
        + "characters each) into a reply of \(median.replyLines) lines")
    let means = results.map { format($0.meanTotal) }.joined(separator: ", ")
    print("  mean per token by round: \(means) µs")
    print("  median round:")
    print("    per token   " + summary(median.totals))
    let cpu = microseconds(median.cpu / tokens.count)
    print("    CPU time    mean \(format(cpu)) µs (this thread)")
    print("    layout      " + summary(median.layout))
    print("    render      " + summary(median.render))
    print("    diff        " + summary(median.diff))
    let rowsPerToken = Double(median.changedRows) / Double(tokens.count)
    print("    rows changed per token: \(format(rowsPerToken)) (a new line scrolls all rows)")
    let lookups = max(1, median.cacheHits + median.cacheMisses)
    let hitRate = Double(median.cacheHits) * 100 / Double(lookups)
    print("    line cache: \(format(hitRate))% of rows copied, the rest drawn")
    print("  target ≤ 50 µs per token (mean)")
  }

  /// 10,000 laid-out messages: short plain user questions and markdown replies.
  private static func makeHistory(width: Int) -> [MessageLayout] {
    var history: [MessageLayout] = []
    history.reserveCapacity(historyCount)
    for index in 0..<historyCount {
      history.append(
        index.isMultiple(of: 2)
          ? MessageLayout(
            "Question \(index): how do I do this?", format: .plain(.transcriptUser), width: width)
          : MessageLayout(
            MarkdownSamples.all[index % MarkdownSamples.all.count] + "\n\nReply \(index).",
            width: width))
    }
    return history
  }

  /// Streams `tokens` into a new message below `history`: per token, append, paint a
  /// whole frame, diff it against the previous one.
  private static func stream(_ tokens: [String], below history: [MessageLayout]) -> Round {
    let clock = ContinuousClock()
    var round = Round()
    round.layout.reserveCapacity(tokens.count)
    round.render.reserveCapacity(tokens.count)
    round.diff.reserveCapacity(tokens.count)
    var streaming = MessageLayout(width: columns - 2)
    // Two grids, swapped every frame, as a runtime keeps them: no per-frame allocation.
    var previous = CellGrid(width: columns, height: rows)
    var next = previous
    var isFirstFrame = true
    let cache = LineRowCache()
    let cpuStart = threadCPUTime()
    for token in tokens {
      let start = clock.now
      streaming.append(token)
      let laidOut = clock.now
      render(history: history, streaming: streaming, into: &next, cache: cache)
      let rendered = clock.now
      let diff = GridDiff(from: isFirstFrame ? nil : previous, to: next)
      let diffed = clock.now
      round.changedRows += diff.changedRows.count
      swap(&previous, &next)
      isFirstFrame = false
      round.layout.append(laidOut - start)
      round.render.append(rendered - laidOut)
      round.diff.append(diffed - rendered)
    }
    round.cpu = threadCPUTime() - cpuStart
    round.cacheHits = cache.hits
    round.cacheMisses = cache.misses
    round.replyLines = streaming.lines.count
    return round
  }

  /// One frame, painted from scratch: a title row, the transcript's last rows following
  /// the tail, a status row.
  private static func render(
    history: [MessageLayout], streaming: MessageLayout, into grid: inout CellGrid,
    cache: LineRowCache
  ) {
    // The transcript view writes every cell of its rectangle; only the bars are cleared.
    grid.fill(Rect(x: 0, y: 0, width: columns, height: 1), with: .blank)
    grid.fill(Rect(x: 0, y: rows - 1, width: columns, height: 1), with: .blank)
    grid.put("orchat · benchmark session", x: 1, y: 0, role: .title)
    let area = Rect(x: 1, y: 1, width: columns - 2, height: rows - 2)
    let visible = tail(history: history, streaming: streaming, count: area.height)
    let top = area.maxY - visible.count
    grid.fill(Rect(x: area.x, y: area.y, width: area.width, height: top - area.y), with: .blank)
    StyledLinesView.draw(
      visible, in: Rect(x: area.x, y: top, width: area.width, height: visible.count),
      on: &grid, cache: cache)
    grid.put("coder · model · streaming", x: 1, y: rows - 1, role: .status)
  }

  /// The last `count` lines of the transcript, newest message last; walks back only as
  /// far as the screen needs, so it costs the visible lines, not the transcript.
  private static func tail(history: [MessageLayout], streaming: MessageLayout, count: Int)
    -> [StyledLine]
  {
    var slices: [StyledLines.SubSequence] = []
    var remaining = count
    let lines = streaming.lines
    slices.append(lines.suffix(remaining))
    remaining -= slices[0].count
    var index = history.count - 1
    while remaining > 0, index >= 0 {
      let message = history[index].lines
      let slice = message.suffix(remaining)
      slices.append(slice)
      remaining -= slice.count
      index -= 1
    }
    var visible: [StyledLine] = []
    visible.reserveCapacity(count)
    for slice in slices.reversed() { visible.append(contentsOf: slice) }
    return visible
  }

  private static func mean(_ durations: [Duration]) -> Double {
    durations.isEmpty ? 0 : durations.map(microseconds).reduce(0, +) / Double(durations.count)
  }

  private static func summary(_ durations: [Duration]) -> String {
    let sorted = durations.map(microseconds).sorted()
    guard !sorted.isEmpty else { return "no samples" }
    let mean = mean(durations)
    func percentile(_ p: Double) -> Double {
      sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }
    return "mean \(format(mean)) µs  p50 \(format(percentile(0.5))) µs  "
      + "p99 \(format(percentile(0.99))) µs  max \(format(sorted[sorted.count - 1])) µs"
  }

  /// CPU time consumed by the calling thread so far.
  private static func threadCPUTime() -> Duration {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
  }

  private static func microseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
  }

  private static func milliseconds(_ duration: Duration) -> String {
    format(microseconds(duration) / 1000)
  }

  private static func format(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }
}
