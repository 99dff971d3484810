import ChatCore
import ChatDomain
import Formatting
import Foundation

/// How `orchat usage` groups its sums.
public typealias UsageGrouping = UsageReport.Grouping

/// Runs `orchat usage [--since DATE] [--by agent|model|day] [--json]`: tokens and cost of
/// the chat requests this machine made, from the request log.
public struct UsageCommandRunner: Sendable {
  let context: AppContext
  let timeZone: TimeZone

  public init(context: AppContext = AppContext(), timeZone: TimeZone = .current) {
    self.context = context
    self.timeZone = timeZone
  }

  public func run(since: String?, by grouping: UsageGrouping, json: Bool) async -> Int32 {
    do {
      let start = try since.map { try DateArgument.parse($0, timeZone: timeZone) }
      let store = try await context.openStore()
      let report = try await store.usage(since: start, groupedBy: grouping, timeZone: timeZone)
      if json {
        context.output.write(try JSONText.encode(UsageJSON(report)))
        return 0
      }
      var table = TextTable([
        (grouping.rawValue.uppercased(), .left), ("REQUESTS", .right), ("PROMPT", .right),
        ("COMPLETION", .right), ("REASONING", .right), ("CACHED", .right),
        ("CACHE SAVINGS", .left), ("COST", .left),
      ])
      func cells(_ label: String, _ row: UsageReport.Row) -> [String] {
        [
          label, String(row.requests), String(row.promptTokens), String(row.completionTokens),
          String(row.reasoningTokens), String(row.cachedTokens), Format.cost(row.cacheSavings),
          Format.cost(row.cost),
        ]
      }
      for row in report.rows { table.append(cells(row.key, row)) }
      table.append(cells("TOTAL", report.total))
      context.output.write(table.text)
      return 0
    } catch {
      return context.fail(error)
    }
  }
}
