import Foundation
import Testing

@testable import Formatting

@Suite struct LocalZoneTests {
  /// The wall clock of random moments from 1800 to 2200 agrees with Foundation's calendar,
  /// for the system zone (whatever this machine is set to) and for fixed offsets.
  @Test func wallClockAgreesWithFoundationsCalendar() throws {
    var random = SystemRandomNumberGenerator()
    let zones: [(LocalZone, TimeZone)] = [
      (.system, .current),
      (.utc, try #require(TimeZone(secondsFromGMT: 0))),
      (.fixed(secondsFromUTC: 19_800), try #require(TimeZone(secondsFromGMT: 19_800))),
      (.fixed(secondsFromUTC: -36_000), try #require(TimeZone(secondsFromGMT: -36_000))),
    ]
    for (zone, timeZone) in zones {
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = timeZone
      for _ in 0..<2000 {
        let date = Date(timeIntervalSince1970: Double.random(in: -5.4e9...7.2e9, using: &random))
        let expected = calendar.dateComponents(
          [.year, .month, .day, .hour, .minute, .weekday], from: date)
        let parts = zone.parts(of: date)
        #expect(parts.year == expected.year, "\(date) in \(zone)")
        #expect(parts.month == expected.month)
        #expect(parts.day == expected.day)
        #expect(parts.hour == expected.hour)
        #expect(parts.minute == expected.minute)
        #expect(parts.weekday + 1 == expected.weekday)
      }
    }
  }

  @Test func knownDates() {
    let epoch = LocalZone.utc.parts(of: Date(timeIntervalSince1970: 0))
    #expect((epoch.year, epoch.month, epoch.day, epoch.weekday) == (1970, 1, 1, 4))
    let before = LocalZone.utc.parts(of: Date(timeIntervalSince1970: -1))
    #expect(
      (before.year, before.month, before.day, before.hour, before.minute) == (1969, 12, 31, 23, 59))
    let leap = LocalZone.utc.parts(of: Date(timeIntervalSince1970: 1_709_164_800))  // 2024-02-29
    #expect((leap.year, leap.month, leap.day, leap.weekday) == (2024, 2, 29, 4))
    let ahead = LocalZone.fixed(secondsFromUTC: 3600).parts(of: Date(timeIntervalSince1970: 82_800))
    #expect((ahead.month, ahead.day, ahead.hour) == (1, 2, 0))
  }

  /// Hostile dates (a server's timestamp) still give a short string.
  @Test func datesFarOutOfRangeStillFormat() {
    #expect(Format.time(Date(timeIntervalSince1970: 1e300), zone: .utc).count < 24)
    #expect(Format.time(Date(timeIntervalSince1970: -1e300), zone: .utc).count < 24)
    #expect(Format.time(Date(timeIntervalSince1970: .nan), zone: .utc).count < 24)
  }

  @Test func listDatesReadByHowLongAgo() {
    let now = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28 20:26 UTC, a Thursday
    func list(_ secondsAgo: Double) -> String {
      Format.listDate(now.addingTimeInterval(-secondsAgo), now: now, zone: .utc)
    }
    #expect(list(3600) == "19:26")
    #expect(list(86_400) == "Wed")
    #expect(list(6 * 86_400) == "Fri")
    #expect(list(8 * 86_400) == "May 20")
    #expect(list(200 * 86_400) == "2025-11-09")
    #expect(list(-86_400 * 3) == "May 31")
  }
}

@Suite struct InternetDateTests {
  /// Written and read back the same as Foundation's formatter writes and reads them, for
  /// random moments from 1800 to 2200.
  @Test func agreesWithFoundationsFormatter() throws {
    var random = SystemRandomNumberGenerator()
    let formatter = ISO8601DateFormatter()
    for _ in 0..<2000 {
      let date = Date(
        timeIntervalSince1970: Double.random(in: -5.4e9...7.2e9, using: &random).rounded(.down))
      let text = InternetDate.string(from: date)
      #expect(text == formatter.string(from: date))
      #expect(InternetDate.date(from: text) == date)
    }
  }

  @Test func readsFractionsAndOffsets() {
    #expect(InternetDate.date(from: "1970-01-01T00:00:00Z") == Date(timeIntervalSince1970: 0))
    #expect(InternetDate.date(from: "1970-01-01T02:00:00+02:00") == Date(timeIntervalSince1970: 0))
    #expect(InternetDate.date(from: "1969-12-31T23:30:00-00:30") == Date(timeIntervalSince1970: 0))
    #expect(
      InternetDate.date(from: "2026-05-01T09:30:00.250Z")
        == Date(timeIntervalSince1970: 1_777_627_800.25))
    #expect(InternetDate.date(from: "2024-02-29t12:00:00z") != nil)
  }

  @Test func rejectsWhatIsNotADateTime() {
    for text in [
      "", "2026-05-01", "2026-05-01T09:30Z", "2026-13-01T00:00:00Z", "2025-02-29T00:00:00Z",
      "2026-05-01T24:00:00Z", "2026-05-01T09:30:00", "2026-05-01T09:30:00Zjunk",
      "2026-05-01T09:30:00.Z", "２０２６-05-01T09:30:00Z", "2026-05-01T09:30:00+2:00",
    ] {
      #expect(InternetDate.date(from: text) == nil, "\(text)")
    }
  }
}
