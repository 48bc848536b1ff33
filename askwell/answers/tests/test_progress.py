from askwell.answers.progress import progress_line


def test_it_draws_a_bar_with_share_count_rate_and_time_left() -> None:
    line = progress_line(60_000, 100_000, 7_500.0)
    assert line.startswith("[" + "#" * 18 + "." * 12 + "]")
    assert "60%" in line and "60,000/100,000" in line and "7,500/s" in line and "ETA 5s" in line


def test_it_says_done_at_the_end() -> None:
    line = progress_line(100_000, 100_000, 9_000.0)
    assert "100%" in line and line.endswith("done") and "." not in line.split("]")[0]


def test_it_counts_without_a_bar_when_the_total_is_unknown() -> None:
    assert progress_line(4_000, None, 2_000.0) == "indexed 4,000 documents  2,000/s"


def test_long_waits_read_in_minutes_and_hours() -> None:
    assert "ETA 2m05s" in progress_line(0, 125, 1.0)
    assert "ETA 1h01m" in progress_line(0, 3_660, 1.0)
