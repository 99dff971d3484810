import ChatDomain

extension Duration {
  /// The duration in whole milliseconds, rounded toward zero; `Int.max` or `Int.min` beyond
  /// what an `Int` holds, never a trap.
  public var wholeMilliseconds: Int {
    let (seconds, attoseconds) = components
    let (scaled, overflow) = Int(seconds).multipliedReportingOverflow(by: 1000)
    if overflow { return seconds > 0 ? .max : .min }
    return scaled.addingSaturated(Int(attoseconds / 1_000_000_000_000_000))
  }
}
