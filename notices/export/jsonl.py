"""notices.jsonl: the DESIGN.md record of each notice, one JSON object a line."""
from __future__ import annotations

import json

from notices.model import Case, Notice

from .common import notice_id, sorted_notices


def record_line(notice: Notice) -> str:
    record = notice.record()
    record["id"] = notice_id(notice)
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def notices_jsonl(notices: list[Notice], cases: list[Case] | None = None) -> bytes:
    return "".join(record_line(n) + "\n" for n in sorted_notices(notices)).encode("utf-8")
