"""What every layer shares: the diagnostic record, source positions, "did you mean", and
atomic writes. It imports nothing else of journeyops."""
