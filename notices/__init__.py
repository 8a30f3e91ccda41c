"""notices: legal notices (公告) in Chinese newspaper pages, extracted into validated records."""
from notices.model import Case, Deadline, Notice, Problem
from notices.pipeline import PageResult, extract_page, extract_text

extract_file = extract_page

__all__ = ["Case", "Deadline", "Notice", "PageResult", "Problem", "extract_file", "extract_page", "extract_text"]
