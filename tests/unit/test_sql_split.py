"""The SQL splitter that lets a load error name its file and line."""

from vivim_graph.sources.sql_split import split_statements


def test_semicolons_inside_strings_comments_and_dollar_quotes_do_not_split():
    text = (
        "-- a comment; with a semicolon\n"
        "CREATE TABLE t (a text);\n"
        "INSERT INTO t VALUES ('x;y'), ('it''s; fine'), (E'esc\\'; still');\n"
        "/* block; /* nested; */ still comment */\n"
        "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\n"
        "BEGIN RETURN 1; END;\n"
        "$$;\n"
        'SELECT "odd;name" FROM t'
    )
    statements = split_statements(text)
    assert [line for line, _ in statements] == [2, 3, 5, 8]
    assert statements[1][1].endswith("(E'esc\\'; still')")
    assert "RETURN 1; END;" in statements[2][1]
    assert statements[3][1] == 'SELECT "odd;name" FROM t'


def test_lines_are_counted_through_multiline_strings():
    text = "SELECT 'a\nb\nc';\n\nSELECT 2;"
    assert [line for line, _ in split_statements(text)] == [1, 5]
