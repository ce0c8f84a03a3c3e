/** The consensus module. */
package org.linden.consensus;
