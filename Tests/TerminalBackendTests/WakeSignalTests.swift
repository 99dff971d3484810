import ChatDomain
import Foundation
import Testing

@testable import TerminalBackend

@Suite struct WakeSignalTests {
  @Test func aSignalFromAnotherThreadEndsAnUnboundedWait() throws {
    let wake = try WakeSignal()
    let thread = Thread { wake.signal() }
    thread.start()
    #expect(wake.wait(timeout: nil))
  }

  @Test func signalsCoalesceIntoOneWakeUp() throws {
    let wake = try WakeSignal()
    for _ in 0..<1000 { wake.signal() }
    #expect(wake.wait(timeout: .seconds(5)))
    #expect(!wake.drain())
  }

  @Test func waitWithoutSignalTimesOutUnsignalled() throws {
    let wake = try WakeSignal()
    #expect(!wake.wait(timeout: .milliseconds(1)))
  }

  @Test func pollTimeoutRoundsUpAndHandlesPastAndMissingDeadlines() {
    #expect(PollTimeout.milliseconds(until: nil) == -1)
    #expect(PollTimeout.milliseconds(until: .now - .seconds(1)) == 0)
    let timeout = PollTimeout.milliseconds(until: .now + .microseconds(10_500))
    #expect(timeout == 11 || timeout == 10)
  }
}
