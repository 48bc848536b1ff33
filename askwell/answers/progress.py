"""A one-line progress bar for long commands (`askwell reindex`). No Django."""

from __future__ import annotations

BAR_WIDTH = 30


def progress_line(done: int, total: int | None, rate: float) -> str:
    """"[#########.....]  60%  60,000/100,000  7,512/s  ETA 5s", or without the bar when the total is unknown."""
    speed = f"{rate:,.0f}/s"
    if not total:
        return f"indexed {done:,} documents  {speed}"
    share = min(1.0, done / total)
    filled = int(round(share * BAR_WIDTH))
    left = max(0, total - done)
    eta = f"ETA {_duration(left / rate)}" if rate > 0 and left else "done" if not left else "ETA ?"
    return f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {share:4.0%}  {done:,}/{total:,}  {speed}  {eta}"


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"
