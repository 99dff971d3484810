import Foundation
import Testing

@testable import Formatting

@Suite struct FormatTests {
  @Test func costsKeepThreeSignificantDigitsBelowADollar() throws {
    #expect(Format.cost(nil) == "-")
    #expect(Format.cost(0) == "$0.00")
    #expect(Format.cost(try #require(Decimal(string: "0.0000368"))) == "$0.0000368")
    #expect(Format.cost(try #require(Decimal(string: "0.0003"))) == "$0.0003")
    #expect(Format.cost(try #require(Decimal(string: "0.0041"))) == "$0.0041")
    #expect(Format.cost(try #require(Decimal(string: "0.012345"))) == "$0.0123")
    #expect(Format.cost(try #require(Decimal(string: "0.5"))) == "$0.50")
    #expect(Format.cost(try #require(Decimal(string: "1.5"))) == "$1.50")
    #expect(Format.cost(try #require(Decimal(string: "8.5249"))) == "$8.52")
    #expect(Format.cost(try #require(Decimal(string: "-0.5"))) == "-$0.50")
  }

  @Test func hostileCostsStayShort() throws {
    #expect(Format.cost(try #require(Decimal(string: "0.000000000001"))) == "<$0.00000001")
    #expect(Format.cost(Decimal.nan) == "$?")
    let huge = Format.cost(Decimal.greatestFiniteMagnitude)
    #expect(huge.hasPrefix("$") && huge.count < 200)
  }

  @Test func pricesPerMillionTokens() {
    #expect(Format.pricePerMillion(3) == "3.00")
    #expect(Format.pricePerMillion(Decimal(string: "0.075")) == "0.075")
    #expect(Format.pricePerMillion(Decimal(string: "0.15")) == "0.15")
    #expect(Format.pricePerMillion(0) == "free")
    #expect(Format.pricePerMillion(nil) == "variable")
  }

  @Test func countsAndDurations() {
    #expect(Format.tokens(412) == "412")
    #expect(Format.tokens(3_140) == "3.1k")
    #expect(Format.tokens(200_000) == "200k")
    #expect(Format.tokens(1_000_000) == "1.0M")
    #expect(Format.duration(milliseconds: 850) == "850 ms")
    #expect(Format.duration(milliseconds: 1530) == "1.5 s")
    #expect(Format.duration(milliseconds: 12_400) == "12 s")
  }

  @Test func timesInTheGivenZone() {
    let date = Date(timeIntervalSince1970: 1_777_627_800)  // 2026-05-01T09:30:00Z
    #expect(Format.time(date, zone: .utc) == "2026-05-01 09:30")
    #expect(Format.clock(date, zone: .utc) == "09:30")
    #expect(Format.shortModel("anthropic/claude-sonnet-4.5") == "claude-sonnet-4.5")
    #expect(Format.shortID("3f2a9c1d-0000") == "3f2a9c1d")
  }
}
