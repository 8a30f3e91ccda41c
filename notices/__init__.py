"""notices: legal notices (公告) in Chinese newspaper pages, extracted into validated records."""
import os

# openpyxl writes other (equally valid) XML when lxml is installed, and chooses when it is first
# imported: its standard-library writer keeps notices.xlsx the same bytes on every machine.
os.environ["OPENPYXL_LXML"] = "False"

from notices.model import Case, Deadline, Notice, Problem
from notices.pipeline import PageResult, extract_page, extract_text

extract_file = extract_page

__all__ = ["Case", "Deadline", "Notice", "PageResult", "Problem", "extract_file", "extract_page", "extract_text"]
