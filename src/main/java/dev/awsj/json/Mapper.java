package dev.awsj.json;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Holds {@link SdkJson#MAPPER}. A field of an interface is set up when it is first read, not when
 * a class implementing the interface is: {@link SdkJson}'s tree conversions, on every command's
 * path, do not build the mapper (about 300 classes); parsing JSON and the rarer writers do.
 */
interface Mapper {
    /** Jackson's mapper with its defaults, for parsing and for the writers that need one. */
    ObjectMapper MAPPER = new ObjectMapper();
}
