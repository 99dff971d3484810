/// A Unix time a server sends, believed only within a calendar that dates can be built
/// from (OpenRouter.docc/EdgeCases.md, case 59): anything later than 9999 or before 1970 is
/// dropped, so no later conversion to milliseconds or to a date can overflow.
enum UnixTime {
  /// 9999-12-31T23:59:59Z.
  static let latest = 253_402_300_799

  static func seconds<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, _ key: Key) -> Int?
  {
    guard let value = try? container.decodeIfPresent(Int.self, forKey: key),
      (0...latest).contains(value)
    else { return nil }
    return value
  }
}
