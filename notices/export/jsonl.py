"""notices.jsonl: the DESIGN.md record of each notice, one JSON object a line."""
from __future__ import annotations

import json

from notices.inert import inert, json_escaped
from notices.model import Case, Notice

from .common import notice_id, sorted_notices


def record_line(notice: Notice) -> str:
    record = notice.record()
    record["id"] = notice_id(notice)
    # U+2028, U+0085 and the like escaped: a line-splitting reader must see one record a line
    return inert(json.dumps(record, ensure_ascii=False, sort_keys=True), json_escaped)


def notices_jsonl(notices: list[Notice], cases: list[Case] | None = None) -> bytes:
    return "".join(record_line(n) + "\n" for n in sorted_notices(notices)).encode("utf-8")
