"use client";

import { Skeleton, Stack, Table, Text, type TableProps, type TableTdProps } from "@mantine/core";
import { Fragment, type ReactNode } from "react";

/** One column: its header, how a row fills its cell, and how the cell sits. */
export type DataColumn<Row> = {
  key: string;
  header?: ReactNode;
  cell: (row: Row) => ReactNode;
  align?: "left" | "center" | "right";
  /** The row's own name (a matrix's first column): a header cell. */
  rowHeader?: boolean;
  width?: number | string;
  /** Extra props of the row's cell (a test id, a colour, a width limit). */
  cellProps?: (row: Row) => TableTdProps & Record<`data-${string}`, string | undefined>;
};

type RowAttributes = Record<`data-${string}`, string | undefined> & { fw?: number };

/**
 * The app's list tables: a scroll container, a header row, one row per item, with loading and empty
 * states. Rows that open something on click are focusable and open on Enter or Space as well.
 */
export function DataTable<Row>(props: {
  columns: DataColumn<Row>[];
  rows: readonly Row[] | undefined;
  rowKey: (row: Row) => string;
  minWidth: number;
  testId?: string;
  loading?: boolean;
  /** Shown in place of the rows when there are none (after loading). */
  empty?: ReactNode;
  emptyTestId?: string;
  onRowClick?: (row: Row) => void;
  rowProps?: (row: Row) => RowAttributes;
  /** A full-width row under a row (its details), or nothing. */
  expanded?: (row: Row) => ReactNode;
  stickyHeader?: boolean;
  verticalSpacing?: TableProps["verticalSpacing"];
  highlightOnHover?: boolean;
  withColumnBorders?: boolean;
}) {
  const { columns, rows, onRowClick, expanded } = props;
  if (props.loading && !rows)
    return (
      <Stack gap="sm" p="sm" aria-busy="true">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} height={36} />
        ))}
      </Stack>
    );
  return (
    <>
      <Table.ScrollContainer minWidth={props.minWidth}>
        <Table
          verticalSpacing={props.verticalSpacing}
          highlightOnHover={props.highlightOnHover}
          stickyHeader={props.stickyHeader}
          withColumnBorders={props.withColumnBorders}
          data-testid={props.testId}
        >
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key} ta={column.align} w={column.width}>
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows?.map((row) => {
              const detail = expanded?.(row);
              return (
                <Fragment key={props.rowKey(row)}>
                  <Table.Tr
                    {...props.rowProps?.(row)}
                    style={onRowClick ? { cursor: "pointer" } : undefined}
                    tabIndex={onRowClick ? 0 : undefined}
                    onClick={onRowClick ? () => onRowClick(row) : undefined}
                    onKeyDown={
                      onRowClick
                        ? (event) => {
                            if (event.target !== event.currentTarget) return;
                            if (event.key === "Enter" || event.key === " ") onRowClick(row);
                          }
                        : undefined
                    }
                  >
                    {columns.map((column) => {
                      const Cell = column.rowHeader ? Table.Th : Table.Td;
                      return (
                        <Cell key={column.key} ta={column.align} {...column.cellProps?.(row)}>
                          {column.cell(row)}
                        </Cell>
                      );
                    })}
                  </Table.Tr>
                  {detail && (
                    <Table.Tr>
                      <Table.Td colSpan={columns.length}>{detail}</Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows?.length === 0 && props.empty && (
        <Text c="dimmed" ta="center" p="lg" data-testid={props.emptyTestId}>
          {props.empty}
        </Text>
      )}
    </>
  );
}
