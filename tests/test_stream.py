"""RowStream (writer/stream.py): rows written straight to XML read back exactly as the same calls made
through xlsxwriter's worksheet, and a misuse fails loudly instead of writing a broken sheet."""
from __future__ import annotations

import openpyxl
import pytest

from lkip_xl.writer import stream as S
from lkip_xl.writer import xlsxwriter_adapter
from lkip_xl.writer.book import Book, setup_table_sheet

TEXTS = ["Belanja Pegawai", "=1+1", "-", "a & b < c > d", "  spasi  ", "baris\nbaru", "x" * 40000, "é ü ñ 漢字"]


def _fill(book: Book, ws, first: int) -> None:
    """The same cells whatever `ws` is: a worksheet or a RowStream over it."""
    r = first
    for i, t in enumerate(TEXTS):
        book.text(ws, r + i, 0, t, indent=i % 3)
        book.number(ws, r + i, 1, i * 1234.5678 if i % 2 else 10 ** 14 + i, role="input")
        book.number(ws, r + i, 2, None)
        book.formula(ws, r + i, 3, f"=B{r + i + 1}*2", i * 2469.1356, kind="money")
        book.formula(ws, r + i, 4, f"IF(B{r + i + 1}=0,\"-\",1)", "-", kind="percent")
        book.formula(ws, r + i, 5, "=1=1", True, kind="text")
        book.formula(ws, r + i, 6, "=1/0", "#DIV/0!", kind="center")
        ws.write_blank(r + i, 7, None)  # no format: not written at all
        book.text(ws, r + i, 8, "")


def _book(path, streamed: bool, limit: int | None = None, monkeypatch=None) -> None:
    if limit is not None:
        monkeypatch.setattr(S, "IN_MEMORY_LIMIT", limit)
    book = Book(str(path))
    ws = book.sheet("Data")
    ws.write_string(0, 0, "Judul", book.title_fmt())
    book.legend(ws)
    setup_table_sheet(ws, (2, 2), [12, 15, 15, 15, 9, 9, 9, 9, 9])
    ws.write_string(2, 0, "Kolom", book.header_fmt())
    target = book.stream(ws, 3) if streamed else ws
    _fill(book, target, 3)
    book.close()


def _cells(path) -> dict:
    wb = openpyxl.load_workbook(path)
    ws = wb["Data"]
    out = {c.coordinate: (c.value, c.data_type, c.number_format, c.font.b, c.fill.fgColor.rgb, c.alignment.indent,
                          c.alignment.wrap_text, c.quotePrefix)
           for row in ws.iter_rows() for c in row if c.value is not None or c.has_style}
    heights = {r: d.height for r, d in ws.row_dimensions.items() if d.height}
    cached = openpyxl.load_workbook(path, data_only=True)["Data"]
    values = {c.coordinate: c.value for row in cached.iter_rows() for c in row if c.value is not None}
    return {"cells": out, "heights": heights, "values": values, "dims": ws.dimensions,
            "merged": sorted(str(m) for m in ws.merged_cells.ranges)}


def test_streamed_rows_read_back_as_xlsxwriter_writes_them(tmp_path):
    _book(tmp_path / "plain.xlsx", streamed=False)
    _book(tmp_path / "stream.xlsx", streamed=True)
    plain, streamed = _cells(tmp_path / "plain.xlsx"), _cells(tmp_path / "stream.xlsx")
    assert streamed == plain
    # the case the comparison must cover: risky text stays text, long text is cut as xlsxwriter cuts it
    assert plain["cells"]["A5"][0] == "=1+1" and plain["cells"]["A5"][7]
    assert len(plain["cells"]["A10"][0]) == S.MAX_STRING
    assert plain["values"]["E4"] == "-" and plain["values"]["F4"] is True
    assert any(h > 15 for h in plain["heights"].values())


def test_large_stream_goes_through_temporary_files(tmp_path, monkeypatch):
    _book(tmp_path / "plain.xlsx", streamed=False)
    _book(tmp_path / "big.xlsx", streamed=True, limit=10, monkeypatch=monkeypatch)
    assert _cells(tmp_path / "big.xlsx") == _cells(tmp_path / "plain.xlsx")


def test_the_public_roads_stream_reads_back_the_same(tmp_path, monkeypatch):
    """A PublicRowStream (xlsxwriter outside the adapter's proved range) writes the same cells, formats,
    cached values and row heights through the worksheet's public calls."""
    _book(tmp_path / "plain.xlsx", streamed=False)
    monkeypatch.setattr(xlsxwriter_adapter, "FAST", False)
    _book(tmp_path / "public.xlsx", streamed=True)
    assert _cells(tmp_path / "public.xlsx") == _cells(tmp_path / "plain.xlsx")


def test_rows_out_of_order_are_refused(tmp_path):
    book = Book(str(tmp_path / "x.xlsx"))
    st = book.stream(book.sheet("Data"), 3)
    st.write_string(5, 0, "a")
    with pytest.raises(ValueError, match="row 5 of Data comes after row 6"):
        st.write_string(4, 0, "b")
    st.put_row(6, '<c r="A7" t="s"><v>0</v></c>', 0)
    with pytest.raises(ValueError):
        st.write_number(6, 1, 1)  # a row written whole takes nothing more
    st.write_number(7, 1, 1)
    book.close()


@pytest.mark.skipif(not xlsxwriter_adapter.FAST, reason="the public road writes every cell through the worksheet")
def test_a_cell_below_the_stream_written_around_it_is_refused(tmp_path):
    book = Book(str(tmp_path / "x.xlsx"))
    ws = book.sheet("Data")
    st = book.stream(ws, 3)
    st.write_string(3, 0, "a")
    ws.write_string(10, 0, "b")  # would land out of order in the sheet's XML
    with pytest.raises(ValueError, match="outside the stream"):
        book.close()


def test_not_finite_numbers_never_reach_the_file(tmp_path):
    book = Book(str(tmp_path / "x.xlsx"))
    st = book.stream(book.sheet("Data"), 0)
    with pytest.raises(ValueError):
        st.write_number(0, 0, float("inf"))
    book.number(st, 0, 0, float("nan"))  # Book writes a blank, as for xlsxwriter
    book.close()
    ws = openpyxl.load_workbook(tmp_path / "x.xlsx")["Data"]
    assert ws["A1"].value is None and ws["A1"].has_style


def test_inline_text_reads_back_as_the_shared_string_would(tmp_path):
    """Text written in its cell (inline_body) reads back as write_string's shared string: control
    characters, a literal _x0041_, leading and trailing spaces, markup characters, a very long text."""
    texts = ["DPA!B5; Realisasi!B5", "a\x01b\x1fc", "_x0041_ literal", "  spasi  ", "<&>\"'", "x" * 40000,
             "baris\nbaru\tTab"]
    for streamed in (False, True):
        book = Book(str(tmp_path / f"{streamed}.xlsx"))
        ws = book.sheet("Data")
        if streamed:
            st = book.stream(ws, 0)
            for r, t in enumerate(texts):
                xf = st.xf(book.cell_fmt("text"))
                body = S.inline_body(xf, t) or S.string_body(xf, st.string_index(t))
                st.put_row(r, '<c r="A%d"' % (r + 1) + body, 0)
        else:
            for r, t in enumerate(texts):
                ws.write_string(r, 0, t, book.cell_fmt("text"))
        book.close()
    plain, streamed = _cells(tmp_path / "False.xlsx"), _cells(tmp_path / "True.xlsx")
    assert streamed["cells"] == plain["cells"]
    assert plain["cells"]["A3"][0] == "_x0041_ literal"
    assert [S.inline_body("", t) is None for t in texts] == [False, True, True, False, False, True, True]
