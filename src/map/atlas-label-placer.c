/* atlas-label-placer.c
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Greedy label placement: labels are offered in order of importance and each one
 * is kept only if its box overlaps no box kept before (labels, or obstacles such
 * as markers). Boxes are filed in the cells of a coarse screen grid, so a test
 * looks at the few boxes nearby instead of all of them.
 *
 * One placer serves a whole frame of the map: the place layer files the
 * controls, its markers and clusters, then the selected place's name and the
 * places' names; the base map continues on a copy with its towns and other
 * names. So nothing is written under a marker, and a base-map name gives way
 * to a place's. Every box keeps its kind and id, which says what was drawn.
 */

#include "config.h"

#include <math.h>

#include "atlas-label-placer.h"

#define CELL_SIZE 64.0

struct _AtlasLabelPlacer
{
  double width, height;
  guint columns, rows;
  GArray *boxes;     /* AtlasLabelBox */
  GArray **cells;    /* per cell, guint indices into boxes; created on demand */
};

/**
 * atlas_label_placer_new:
 * @width: width of the area labels go in
 * @height: its height
 *
 * Returns: (transfer full): an empty placer
 */
AtlasLabelPlacer *
atlas_label_placer_new (double width,
                        double height)
{
  AtlasLabelPlacer *self = g_new0 (AtlasLabelPlacer, 1);

  self->width = MAX (width, 1);
  self->height = MAX (height, 1);
  self->columns = (guint) ceil (self->width / CELL_SIZE);
  self->rows = (guint) ceil (self->height / CELL_SIZE);
  self->boxes = g_array_new (FALSE, FALSE, sizeof (AtlasLabelBox));
  self->cells = g_new0 (GArray *, self->columns * self->rows);
  return self;
}

/**
 * atlas_label_placer_copy:
 * @self: a placer
 *
 * Returns: (transfer full): a placer with the same boxes, to go on placing
 *   without changing @self
 */
AtlasLabelPlacer *
atlas_label_placer_copy (const AtlasLabelPlacer *self)
{
  AtlasLabelPlacer *copy = g_new0 (AtlasLabelPlacer, 1);

  *copy = *self;
  copy->boxes = g_array_copy (self->boxes);
  copy->cells = g_new0 (GArray *, self->columns * self->rows);
  for (guint i = 0; i < self->columns * self->rows; i++)
    {
      if (self->cells[i] != NULL)
        copy->cells[i] = g_array_copy (self->cells[i]);
    }
  return copy;
}

void
atlas_label_placer_free (AtlasLabelPlacer *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->columns * self->rows; i++)
    g_clear_pointer (&self->cells[i], g_array_unref);
  g_free (self->cells);
  g_array_unref (self->boxes);
  g_free (self);
}

/* The cells a box touches, clamped to the area; FALSE if it is wholly outside. */
static gboolean
cell_range (const AtlasLabelPlacer *self,
            const AtlasLabelBox    *box,
            guint                  *c0,
            guint                  *r0,
            guint                  *c1,
            guint                  *r1)
{
  if (box->x1 <= 0 || box->y1 <= 0 || box->x0 >= self->width || box->y0 >= self->height)
    return FALSE;

  *c0 = (guint) CLAMP (floor (box->x0 / CELL_SIZE), 0, self->columns - 1);
  *c1 = (guint) CLAMP (floor (box->x1 / CELL_SIZE), 0, self->columns - 1);
  *r0 = (guint) CLAMP (floor (box->y0 / CELL_SIZE), 0, self->rows - 1);
  *r1 = (guint) CLAMP (floor (box->y1 / CELL_SIZE), 0, self->rows - 1);
  return TRUE;
}

static AtlasLabelBox
make_box (const graphene_rect_t *rect)
{
  AtlasLabelBox box = { rect->origin.x, rect->origin.y, rect->origin.x + rect->size.width,
                        rect->origin.y + rect->size.height, 0, 0 };

  return box;
}

/**
 * atlas_label_placer_find:
 * @self: a placer
 * @rect: a box, in widget coordinates
 *
 * Returns: (nullable): the first box placed that overlaps this one
 */
const AtlasLabelBox *
atlas_label_placer_find (const AtlasLabelPlacer *self,
                         const graphene_rect_t  *rect)
{
  AtlasLabelBox box = make_box (rect);
  const AtlasLabelBox *found = NULL;
  guint c0, r0, c1, r1;

  if (!cell_range (self, &box, &c0, &r0, &c1, &r1))
    return NULL;

  for (guint r = r0; r <= r1; r++)
    {
      for (guint c = c0; c <= c1; c++)
        {
          GArray *cell = self->cells[r * self->columns + c];

          for (guint k = 0; cell != NULL && k < cell->len; k++)
            {
              guint index = g_array_index (cell, guint, k);
              const AtlasLabelBox *other = &g_array_index (self->boxes, AtlasLabelBox, index);

              if (box.x0 < other->x1 && other->x0 < box.x1 &&
                  box.y0 < other->y1 && other->y0 < box.y1 &&
                  (found == NULL || other < found))
                found = other;
            }
        }
    }

  return found;
}

/**
 * atlas_label_placer_is_free:
 * @self: a placer
 * @rect: a box, in widget coordinates
 *
 * Returns: whether the box lies inside the area and overlaps nothing placed
 */
gboolean
atlas_label_placer_is_free (const AtlasLabelPlacer *self,
                            const graphene_rect_t  *rect)
{
  if (rect->origin.x < 0 || rect->origin.y < 0 ||
      rect->origin.x + rect->size.width > self->width ||
      rect->origin.y + rect->size.height > self->height)
    return FALSE;

  return atlas_label_placer_find (self, rect) == NULL;
}

/**
 * atlas_label_placer_add:
 * @self: a placer
 * @kind: what the box is
 * @id: which one (a place, a base-map label)
 * @rect: the box, in widget coordinates
 *
 * Marks a box as taken, whether or not it overlaps others (an obstacle).
 */
void
atlas_label_placer_add (AtlasLabelPlacer      *self,
                        AtlasLabelKind         kind,
                        guint                  id,
                        const graphene_rect_t *rect)
{
  AtlasLabelBox box = make_box (rect);
  guint c0, r0, c1, r1;
  guint index = self->boxes->len;

  box.kind = kind;
  box.id = id;
  if (!cell_range (self, &box, &c0, &r0, &c1, &r1))
    return;

  g_array_append_val (self->boxes, box);
  for (guint r = r0; r <= r1; r++)
    {
      for (guint c = c0; c <= c1; c++)
        {
          GArray **cell = &self->cells[r * self->columns + c];

          if (*cell == NULL)
            *cell = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (*cell, index);
        }
    }
}

/**
 * atlas_label_placer_try_add:
 * @self: a placer
 * @kind: what the box is
 * @id: which one
 * @rect: the box, in widget coordinates
 *
 * Returns: whether the box was free, and is now taken
 */
gboolean
atlas_label_placer_try_add (AtlasLabelPlacer      *self,
                            AtlasLabelKind         kind,
                            guint                  id,
                            const graphene_rect_t *rect)
{
  if (!atlas_label_placer_is_free (self, rect))
    return FALSE;

  atlas_label_placer_add (self, kind, id, rect);
  return TRUE;
}

/**
 * atlas_label_placer_get_boxes:
 * @self: a placer
 * @n_boxes: (out): how many
 *
 * Returns: (array length=n_boxes): every box placed, in the order placed
 *   (boxes wholly outside the area are not kept)
 */
const AtlasLabelBox *
atlas_label_placer_get_boxes (const AtlasLabelPlacer *self,
                              guint                  *n_boxes)
{
  *n_boxes = self->boxes->len;
  return (const AtlasLabelBox *) self->boxes->data;
}

/**
 * atlas_label_placer_has:
 * @self: a placer
 * @kind: a kind of box
 * @id: an id
 *
 * Returns: whether a box of @kind and @id was placed
 */
gboolean
atlas_label_placer_has (const AtlasLabelPlacer *self,
                        AtlasLabelKind          kind,
                        guint                   id)
{
  for (guint i = 0; i < self->boxes->len; i++)
    {
      const AtlasLabelBox *box = &g_array_index (self->boxes, AtlasLabelBox, i);

      if (box->kind == kind && box->id == id)
        return TRUE;
    }
  return FALSE;
}
