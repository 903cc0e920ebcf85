/* atlas-gdal.h
 *
 * Copyright 2026 The Chengyu Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <glib.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

G_BEGIN_DECLS

/*
 * GDAL, opened when a foreign file is first read rather than linked: libgdal
 * brings a hundred libraries whose loading would add a quarter of a second to
 * every start of the app, also when it only opens its own JSON. Files that call
 * GDAL include this header instead of GDAL's, and call GDAL's functions by their
 * names, through the pointers below, after atlas_gdal_load() succeeded.
 */

#define ATLAS_GDAL_SYMBOLS(X) \
  X (CPLErrorReset) \
  X (CPLGetLastErrorMsg) \
  X (CPLQuietErrorHandler) \
  X (CPLSetErrorHandler) \
  X (CPLSetThreadLocalConfigOption) \
  X (CSLDestroy) \
  X (GDALAllRegister) \
  X (GDALClose) \
  X (GDALDatasetExecuteSQL) \
  X (GDALDatasetGetLayer) \
  X (GDALDatasetGetLayerByName) \
  X (GDALDatasetGetLayerCount) \
  X (GDALDatasetReleaseResultSet) \
  X (GDALGetDatasetDriver) \
  X (GDALGetDriverLongName) \
  X (GDALGetDriverShortName) \
  X (GDALOpenEx) \
  X (OCTDestroyCoordinateTransformation) \
  X (OCTNewCoordinateTransformation) \
  X (OGR_FD_GetFieldCount) \
  X (OGR_FD_GetFieldDefn) \
  X (OGR_FD_GetGeomType) \
  X (OGR_F_Destroy) \
  X (OGR_F_GetFieldAsDateTimeEx) \
  X (OGR_F_GetFieldAsString) \
  X (OGR_F_GetFieldDefnRef) \
  X (OGR_F_GetGeometryRef) \
  X (OGR_F_IsFieldSetAndNotNull) \
  X (OGR_Fld_GetNameRef) \
  X (OGR_Fld_GetType) \
  X (OGR_GT_Flatten) \
  X (OGR_G_Clone) \
  X (OGR_G_DestroyGeometry) \
  X (OGR_G_GetEnvelope) \
  X (OGR_G_GetGeometryCount) \
  X (OGR_G_GetGeometryRef) \
  X (OGR_G_GetGeometryType) \
  X (OGR_G_GetPointCount) \
  X (OGR_G_GetX) \
  X (OGR_G_GetY) \
  X (OGR_G_IsEmpty) \
  X (OGR_G_Transform) \
  X (OGR_L_GetFeatureCount) \
  X (OGR_L_GetLayerDefn) \
  X (OGR_L_GetName) \
  X (OGR_L_GetNextFeature) \
  X (OGR_L_GetSpatialRef) \
  X (OGR_L_ResetReading) \
  X (OSRDestroySpatialReference) \
  X (OSRImportFromEPSG) \
  X (OSRIsSame) \
  X (OSRNewSpatialReference) \
  X (OSRSetAxisMappingStrategy) \
  X (VSIFCloseL) \
  X (VSIFOpenL) \
  X (VSIFReadL) \
  X (VSIReadDirRecursive) \
  X (GDALGetDriverByName) \
  X (GDALCreate) \
  X (GDALDatasetCreateLayer) \
  X (OGR_Fld_Create) \
  X (OGR_Fld_Destroy) \
  X (OGR_L_CreateField) \
  X (OGR_F_Create) \
  X (OGR_F_SetFieldString) \
  X (OGR_G_CreateGeometry) \
  X (OGR_G_SetPoint_2D) \
  X (OGR_F_SetGeometryDirectly) \
  X (OGR_L_CreateFeature) \
  X (GDALDatasetStartTransaction) \
  X (GDALDatasetCommitTransaction) \
  X (OGR_L_TestCapability) \
  X (VSIFileFromMemBuffer) \
  X (VSIUnlink)

#define ATLAS_GDAL_DECLARE(name) extern __typeof__ (name) *atlas_gdal_##name;
ATLAS_GDAL_SYMBOLS (ATLAS_GDAL_DECLARE)
#undef ATLAS_GDAL_DECLARE

gboolean atlas_gdal_load (GError **error);

#ifndef ATLAS_GDAL_NO_REDIRECT
#define CPLErrorReset (*atlas_gdal_CPLErrorReset)
#define CPLGetLastErrorMsg (*atlas_gdal_CPLGetLastErrorMsg)
#define CPLQuietErrorHandler (*atlas_gdal_CPLQuietErrorHandler)
#define CPLSetErrorHandler (*atlas_gdal_CPLSetErrorHandler)
#define CPLSetThreadLocalConfigOption (*atlas_gdal_CPLSetThreadLocalConfigOption)
#define CSLDestroy (*atlas_gdal_CSLDestroy)
#define GDALAllRegister (*atlas_gdal_GDALAllRegister)
#define GDALClose (*atlas_gdal_GDALClose)
#define GDALDatasetExecuteSQL (*atlas_gdal_GDALDatasetExecuteSQL)
#define GDALDatasetGetLayer (*atlas_gdal_GDALDatasetGetLayer)
#define GDALDatasetGetLayerByName (*atlas_gdal_GDALDatasetGetLayerByName)
#define GDALDatasetGetLayerCount (*atlas_gdal_GDALDatasetGetLayerCount)
#define GDALDatasetReleaseResultSet (*atlas_gdal_GDALDatasetReleaseResultSet)
#define GDALGetDatasetDriver (*atlas_gdal_GDALGetDatasetDriver)
#define GDALGetDriverLongName (*atlas_gdal_GDALGetDriverLongName)
#define GDALGetDriverShortName (*atlas_gdal_GDALGetDriverShortName)
#define GDALOpenEx (*atlas_gdal_GDALOpenEx)
#define OCTDestroyCoordinateTransformation (*atlas_gdal_OCTDestroyCoordinateTransformation)
#define OCTNewCoordinateTransformation (*atlas_gdal_OCTNewCoordinateTransformation)
#define OGR_FD_GetFieldCount (*atlas_gdal_OGR_FD_GetFieldCount)
#define OGR_FD_GetFieldDefn (*atlas_gdal_OGR_FD_GetFieldDefn)
#define OGR_FD_GetGeomType (*atlas_gdal_OGR_FD_GetGeomType)
#define OGR_F_Destroy (*atlas_gdal_OGR_F_Destroy)
#define OGR_F_GetFieldAsDateTimeEx (*atlas_gdal_OGR_F_GetFieldAsDateTimeEx)
#define OGR_F_GetFieldAsString (*atlas_gdal_OGR_F_GetFieldAsString)
#define OGR_F_GetFieldDefnRef (*atlas_gdal_OGR_F_GetFieldDefnRef)
#define OGR_F_GetGeometryRef (*atlas_gdal_OGR_F_GetGeometryRef)
#define OGR_F_IsFieldSetAndNotNull (*atlas_gdal_OGR_F_IsFieldSetAndNotNull)
#define OGR_Fld_GetNameRef (*atlas_gdal_OGR_Fld_GetNameRef)
#define OGR_Fld_GetType (*atlas_gdal_OGR_Fld_GetType)
#define OGR_GT_Flatten (*atlas_gdal_OGR_GT_Flatten)
#define OGR_G_Clone (*atlas_gdal_OGR_G_Clone)
#define OGR_G_DestroyGeometry (*atlas_gdal_OGR_G_DestroyGeometry)
#define OGR_G_GetEnvelope (*atlas_gdal_OGR_G_GetEnvelope)
#define OGR_G_GetGeometryCount (*atlas_gdal_OGR_G_GetGeometryCount)
#define OGR_G_GetGeometryRef (*atlas_gdal_OGR_G_GetGeometryRef)
#define OGR_G_GetGeometryType (*atlas_gdal_OGR_G_GetGeometryType)
#define OGR_G_GetPointCount (*atlas_gdal_OGR_G_GetPointCount)
#define OGR_G_GetX (*atlas_gdal_OGR_G_GetX)
#define OGR_G_GetY (*atlas_gdal_OGR_G_GetY)
#define OGR_G_IsEmpty (*atlas_gdal_OGR_G_IsEmpty)
#define OGR_G_Transform (*atlas_gdal_OGR_G_Transform)
#define OGR_L_GetFeatureCount (*atlas_gdal_OGR_L_GetFeatureCount)
#define OGR_L_GetLayerDefn (*atlas_gdal_OGR_L_GetLayerDefn)
#define OGR_L_GetName (*atlas_gdal_OGR_L_GetName)
#define OGR_L_GetNextFeature (*atlas_gdal_OGR_L_GetNextFeature)
#define OGR_L_GetSpatialRef (*atlas_gdal_OGR_L_GetSpatialRef)
#define OGR_L_ResetReading (*atlas_gdal_OGR_L_ResetReading)
#define OSRDestroySpatialReference (*atlas_gdal_OSRDestroySpatialReference)
#define OSRImportFromEPSG (*atlas_gdal_OSRImportFromEPSG)
#define OSRIsSame (*atlas_gdal_OSRIsSame)
#define OSRNewSpatialReference (*atlas_gdal_OSRNewSpatialReference)
#define OSRSetAxisMappingStrategy (*atlas_gdal_OSRSetAxisMappingStrategy)
#define VSIFCloseL (*atlas_gdal_VSIFCloseL)
#define VSIFOpenL (*atlas_gdal_VSIFOpenL)
#define VSIFReadL (*atlas_gdal_VSIFReadL)
#define VSIReadDirRecursive (*atlas_gdal_VSIReadDirRecursive)
#define GDALGetDriverByName (*atlas_gdal_GDALGetDriverByName)
#define GDALCreate (*atlas_gdal_GDALCreate)
#define GDALDatasetCreateLayer (*atlas_gdal_GDALDatasetCreateLayer)
#define OGR_Fld_Create (*atlas_gdal_OGR_Fld_Create)
#define OGR_Fld_Destroy (*atlas_gdal_OGR_Fld_Destroy)
#define OGR_L_CreateField (*atlas_gdal_OGR_L_CreateField)
#define OGR_F_Create (*atlas_gdal_OGR_F_Create)
#define OGR_F_SetFieldString (*atlas_gdal_OGR_F_SetFieldString)
#define OGR_G_CreateGeometry (*atlas_gdal_OGR_G_CreateGeometry)
#define OGR_G_SetPoint_2D (*atlas_gdal_OGR_G_SetPoint_2D)
#define OGR_F_SetGeometryDirectly (*atlas_gdal_OGR_F_SetGeometryDirectly)
#define OGR_L_CreateFeature (*atlas_gdal_OGR_L_CreateFeature)
#define GDALDatasetStartTransaction (*atlas_gdal_GDALDatasetStartTransaction)
#define GDALDatasetCommitTransaction (*atlas_gdal_GDALDatasetCommitTransaction)
#define OGR_L_TestCapability (*atlas_gdal_OGR_L_TestCapability)
#define VSIFileFromMemBuffer (*atlas_gdal_VSIFileFromMemBuffer)
#define VSIUnlink (*atlas_gdal_VSIUnlink)
#endif

G_END_DECLS
